-- Organ-years whose request figures do not balance: new + carried over in = decided + carried forward
-- (the 勾稽关系 of the 2019/2021 table 3). Kept as stated; this only flags them for an analyst.
SELECT town_key, report_year, report_key,
       req_received, req_carried_over_in, req_outcome_total, req_carried_forward
FROM marts.fct_town_year
WHERE req_received IS NOT NULL AND req_carried_over_in IS NOT NULL
  AND req_outcome_total IS NOT NULL AND req_carried_forward IS NOT NULL
  AND req_received + req_carried_over_in <> req_outcome_total + req_carried_forward
ORDER BY town_key, report_year;
