"""The team's record files: every bad line is refused with its line named, and what `ogi correct`
appends reads back as written."""
from __future__ import annotations

from datetime import date

import pytest

from ogi.warehouse.team_records import (
    Correction,
    RecordsError,
    append_correction,
    append_review,
    read_corrections,
    read_reviews,
    Review,
)

HEADER = "sha256,source_file,indicator,dims,value,who,when,why\n"
SHA = "ab" * 32
GOOD = f"{SHA},a.txt,resp_hot_topics,,5,李明,2026-11-30,舆情处置5起\n"


@pytest.mark.parametrize(("line", "message"), [
    (f"{SHA},a.txt,pd_items_totl,,12,李明,2026-11-30,typo", "line 3: unknown indicator 'pd_items_totl' (docs/catalog.md)"),
    (f"{SHA},a.txt,pd_items_by_channel,channel=wechat,12,李明,2026-11-30,typo",
     "line 3: 'wechat' is not a channel code of the catalog (docs/catalog.md)"),
    (f"{SHA},a.txt,pd_items_by_channel,chanel=weixin,12,李明,2026-11-30,typo",
     "line 3: unknown dimension 'chanel' (one of channel, applicant, outcome, proceeding, result, doc_type, matter)"),
    (f"{SHA},a.txt,appeal_count,proceeding admin_review,1,李明,2026-11-30,typo",
     "line 3: dimension 'proceeding admin_review' is not name=code"),
    (f"{SHA},a.txt,pd_items_total,,twelve,李明,2026-11-30,words",
     "line 3: value 'twelve' is neither a number nor 'not stated'"),
    (f"{SHA},a.txt,pd_items_total,,nan,李明,2026-11-30,words", "line 3: value 'nan' is not a finite number"),
    (f"{SHA},a.txt,pd_items_total,,12,,2026-11-30,nobody", "line 3: who is empty"),
    (f"{SHA},a.txt,pd_items_total,,12,李明,30.11.2026,date", "line 3: when '30.11.2026' is not a date (YYYY-MM-DD)"),
    (f"{SHA},a.txt,pd_items_total,,12,李明,2026-11-30,", "line 3: why is empty"),
    (f"{SHA[:16]},a.txt,pd_items_total,,12,李明,2026-11-30,short key",
     f"line 3: sha256 '{SHA[:16]}' is not 64 lowercase hex digits"),
    (f"{SHA},a.txt,pd_items_total,,12,李明,2026-11-30", "line 3: expected 8 columns"),
    (f"{SHA},a.txt,resp_hot_topics,,6,王芳,2026-12-01,again", "line 3: corrects the same observation as line 2; keep one"),
])
def test_a_bad_line_is_refused_with_its_line_named(tmp_path, line, message):
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + GOOD + line + "\n", encoding="utf-8")
    with pytest.raises(RecordsError) as refused:
        read_corrections(path)
    assert str(refused.value) == f"{path} {message}"


def test_a_wrong_header_is_refused(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("sha,indicator,value\n", encoding="utf-8")
    with pytest.raises(RecordsError, match="line 1: the header must be sha256,source_file,indicator,dims,value,"):
        read_corrections(path)


def test_appended_corrections_and_reviews_read_back(tmp_path):
    path = tmp_path / "corrections.csv"
    assert read_corrections(path) == []
    first = Correction(0, SHA, "a.txt", "appeal_count", {"result": "total", "proceeding": "admin_review"}, 2.0,
                       "李明", date(2026, 11, 30), "行政复议2件, in the table, not 0")
    assert append_correction(path, first) == 2
    assert append_correction(path, Correction(0, SHA, "a.txt", "budget_special", {}, None, "王芳",
                                              date(2026, 12, 1), "the 5万元 are the county's, not the town's")) == 3
    assert path.read_text(encoding="utf-8") == HEADER + (
        f"{SHA},a.txt,appeal_count,\"proceeding=admin_review,result=total\",2,李明,2026-11-30,"
        "\"行政复议2件, in the table, not 0\"\n"
        f"{SHA},a.txt,budget_special,,not stated,王芳,2026-12-01,the 5万元 are the county's, not the town's\n"
        .replace("the 5万元 are the county's, not the town's", "\"the 5万元 are the county's, not the town's\""))
    read = read_corrections(path)
    assert [(c.line, c.dims, c.value) for c in read] == [
        (2, {"proceeding": "admin_review", "result": "total"}, 2.0), (3, {}, None)]
    with pytest.raises(RecordsError, match="line 2 already corrects this observation"):
        append_correction(path, first)

    reviews = tmp_path / "reviews.csv"
    append_review(reviews, Review(0, SHA, "a.txt", "reviewed", "李明", date(2026, 12, 1), ""))
    assert [(r.line, r.state, r.who) for r in read_reviews(reviews)] == [(2, "reviewed", "李明")]
