"""Generalisation suite: sentences and report fragments written for this suite (not taken from the
dev texts), in the phrasings and flattened layouts real reports use, each with the exact
observations it states — or none.

Every positive case lists ALL observations its fragment must yield (indicator, dims, value,
approximate, evidence), so an extra observation fails the case as much as a missing one. The
evidence is checked against the source span: ``text[span_start:span_end] == evidence``.
"""
from __future__ import annotations

import pytest

from tests.transforms.helpers import report
from ogi.transforms.model import DIMENSIONS
from ogi.transforms.parse import parse_report

AR = {"proceeding": "admin_review", "result": "total"}
LA = {"proceeding": "litigation_all", "result": "total"}
CO = {"proceeding": "complaint", "result": "total"}


def _observed(text: str) -> set[tuple]:
    parsed = parse_report(text)
    out = set()
    for o in parsed.observations:
        assert text[o.span_start : o.span_end] == o.evidence
        dims = tuple(sorted(
            (d.removesuffix("_code"), getattr(o, d)) for d in DIMENSIONS
            if getattr(o, d) is not None and not (d == "applicant_code" and getattr(o, d) == "total")
        ))
        out.add((o.indicator_code, dims, o.value, o.is_approximate, o.evidence))
    return out


def _wanted(expected: list[tuple]) -> set[tuple]:
    out = set()
    for indicator, dims, value, approximate, evidence in expected:
        out.add((indicator, tuple(sorted(dims.items())), float(value), approximate, evidence))
    return out


def _check(text: str, expected: list[tuple]) -> None:
    got, want = _observed(text), _wanted(expected)
    assert got == want, f"missing {sorted(want - got)}\nextra {sorted(got - want)}"


# --- prose ---------------------------------------------------------------------------------------
# (id, body, year, [(indicator, dims, value, approximate, evidence)])
PROSE = [
    ("total_reached", "2017年，我镇主动公开信息总数达到85条，与上年相比增加15条。", 2017,
     [("pd_items_total", {}, 85, False, "主动公开信息总数达到85条")]),
    ("total_published_all", "全年共发布各类政府信息126条，其中通过镇政府网站发布98条。", 2017,
     [("pd_items_total", {}, 126, False, "共发布各类政府信息126条"),
      ("pd_items_by_channel", {"channel": "website"}, 98, False, "通过镇政府网站发布98条")]),
    ("total_thousands_comma", "全年主动公开政府信息1,234条。", 2016,
     [("pd_items_total", {}, 1234, False, "主动公开政府信息1,234条")]),
    ("total_thousands_space", "全年主动公开政府信息1 234条。", 2016,
     [("pd_items_total", {}, 1234, False, "主动公开政府信息1 234条")]),
    ("total_cn_long", "全年主动公开政府信息一千二百三十四条。", 2016,
     [("pd_items_total", {}, 1234, False, "主动公开政府信息一千二百三十四条")]),
    ("total_cn_approx", "全年主动公开政府信息两千余条。", 2016,
     [("pd_items_total", {}, 2000, True, "主动公开政府信息两千余条")]),
    ("total_near_hundred", "全年主动公开政府信息近百条。", 2016,
     [("pd_items_total", {}, 100, True, "主动公开政府信息近百条")]),
    ("total_with_share", "主动公开政府信息数为160条，占全年信息总量的80%。", 2015,
     [("pd_items_total", {}, 160, False, "主动公开政府信息数为160条")]),
    ("meetings_special", "为推进政府信息公开工作，我镇召开专题会议2次。", 2016,
     [("meetings", {}, 2, False, "专题会议2次")]),
    ("meetings_approx", "全年召开政府信息公开工作会议十余次。", 2016,
     [("meetings", {}, 10, True, "政府信息公开工作会议十余次")]),
    ("parttime_named", "我镇配备兼职信息公开工作人员3名。", 2016,
     [("staff_parttime", {}, 3, False, "兼职信息公开工作人员3名")]),
    ("full_and_part", "政府信息公开工作由党政办负责，配备专职人员1名、兼职人员2名。", 2016,
     [("staff_fulltime", {}, 1, False, "专职人员1名"), ("staff_parttime", {}, 2, False, "兼职人员2名")]),
    ("budget_wan", "全年安排政府信息公开专项经费3.5万元。", 2016,
     [("budget_special", {}, 35000, False, "专项经费3.5万元")]),
    ("study", "全年组织学习《条例》3次。", 2020, [("training_sessions", {}, 3, False, "学习《条例》3次")]),
    ("training_approx", "全年开展政务公开培训2次，培训人员60余人次。", 2020,
     [("training_sessions", {}, 2, False, "培训2次"), ("training_attendees", {}, 60, True, "培训人员60余人次")]),
    ("training", "组织开展政府信息公开业务培训3次，参训人员达120人次。", 2016,
     [("training_sessions", {}, 3, False, "培训3次"), ("training_attendees", {}, 120, False, "参训人员达120人次")]),
    ("reading_points", "在镇便民服务中心设立政府信息公开查阅点2个。", 2016,
     [("reading_points", {}, 2, False, "查阅点2个")]),
    ("policy", "全年共发布政策解读稿件12篇。", 2017,
     [("resp_policy_interpretations", {}, 12, False, "政策解读稿件12篇")]),
    ("received_split_2020",
     "2020年共收到政府信息公开申请12件，其中自然人申请10件、法人或其他组织申请2件。", 2020,
     [("req_received", {}, 12, False, "收到政府信息公开申请12件")]),
    ("received_and_concluded", "依申请公开方面，共收到申请12件，本年度办结12件，全部按时予以答复。", 2020,
     [("req_received", {}, 12, False, "收到申请12件"), ("req_concluded", {}, 12, False, "办结12件")]),
    ("received_channels_r07", "全年共受理政府信息公开申请5件，其中当面申请2件、网上申请3件。", 2016,
     [("req_received", {}, 5, False, "受理政府信息公开申请5件"),
      ("req_received", {"channel": "in_person"}, 2, False, "当面申请2件"),
      ("req_received", {"channel": "online"}, 3, False, "网上申请3件")]),
    ("outcomes_r19", "对收到的政府信息公开申请，予以公开3件，部分公开1件，无法提供1件。", 2020,
     [("req_outcome", {"outcome": "out_granted"}, 3, False, "予以公开3件"),
      ("req_outcome", {"outcome": "out_partial"}, 1, False, "部分公开1件"),
      ("req_outcome", {"outcome": "out_unable"}, 1, False, "无法提供1件")]),
    ("info_fee_zero_amount", "本年度收取信息处理费0元。", 2021,
     [("info_processing_fee", {}, 0, False, "信息处理费0元")]),
    ("info_fee_none", "本年度未收取信息处理费。", 2021,
     [("info_processing_fee", {}, 0, False, "本年度未收取信息处理费")]),
    ("appeals", "因政府信息公开工作被申请行政复议1件，被提起行政诉讼0件。", 2020,
     [("appeal_count", AR, 1, False, "行政复议1件"), ("appeal_count", LA, 0, False, "行政诉讼0件")]),
    # damage: traditional characters, pinyin glosses, spam, ASCII punctuation
    ("traditional", "全年主動公開政府信息數為62條。", 2016,
     [("pd_items_total", {}, 62, False, "主動公開政府信息數為62條")]),
    ("pinyin", "全年主動(dòng)公開(kāi)政府信息62條。", 2016,
     [("pd_items_total", {}, 62, False, "主動(dòng)公開(kāi)政府信息62條")]),
    ("spam", "全年主动公开 金沙娱乐-真人博彩官网:政府信息45条。", 2016,
     [("pd_items_total", {}, 45, False, "主动公开 金沙娱乐-真人博彩官网:政府信息45条")]),
    ("traditional_reply", "全年收到政府信息公開申請2件，已答覆2件，其中「同意公開」的2件。", 2016,
     [("req_received", {}, 2, False, "收到政府信息公開申請2件"), ("req_concluded", {}, 2, False, "已答覆2件"),
      ("req_outcome", {"outcome": "old_granted"}, 2, False, "同意公開」的2件")]),
    ("ascii_punct", "全年主动公开政府信息62条,其中政府网站公开40条;微信公众号公开22条.", 2016,
     [("pd_items_total", {}, 62, False, "主动公开政府信息62条"),
      ("pd_items_by_channel", {"channel": "website"}, 40, False, "政府网站公开40条"),
      ("pd_items_by_channel", {"channel": "weixin"}, 22, False, "微信公众号公开22条")]),
    ("fullwidth_digits", "全年主动公开政府信息１２０条。", 2016,
     [("pd_items_total", {}, 120, False, "主动公开政府信息１２０条")]),
    # T14 labels written as prose in narrative reports
    ("t14_prose_fee", "依申请公开信息收取的费用为0万元。", 2016,
     [("req_fee_collected", {}, 0, False, "收取的费用为0万元")]),
    ("t14_prose_staff", "从事政府信息公开工作人员5人，其中专职人员1人，兼职人员4人。", 2016,
     [("staff_total", {}, 5, False, "工作人员5人"), ("staff_fulltime", {}, 1, False, "专职人员1人"),
      ("staff_parttime", {}, 4, False, "兼职人员4人")]),
    ("t14_prose_capacity", "政府信息公开工作专门机构数1个，设置政府信息公开查阅点数2个。", 2016,
     [("org_dedicated_units", {}, 1, False, "政府信息公开工作专门机构数1个"), ("reading_points", {}, 2, False, "查阅点数2个")]),
    ("t14_prose_meetings", "召开政府信息公开工作会议或专题会议数3次，举办各类培训班数2次，接受培训人员数80人次。", 2016,
     [("meetings", {}, 3, False, "政府信息公开工作会议或专题会议数3次"), ("training_sessions", {}, 2, False, "培训班数2次"),
      ("training_attendees", {}, 80, False, "接受培训人员数80人次")]),
    ("new_and_carried", "本年度新收政府信息公开申请8件，上年结转政府信息公开申请0件。", 2021,
     [("req_received", {}, 8, False, "新收政府信息公开申请8件"), ("req_carried_over_in", {}, 0, False, "上年结转政府信息公开申请0件")]),
    ("outcome_other_processing", "对收到的申请，予以公开5件，其他处理1件。", 2021,
     [("req_outcome", {"outcome": "out_granted"}, 5, False, "予以公开5件"),
      ("req_outcome", {"outcome": "out_other"}, 1, False, "其他处理1件")]),
    ("total_with_growth", "全年主动公开政府信息120条，同比增长20%，其中通过政府网站公开98条，占81.7%。", 2016,
     [("pd_items_total", {}, 120, False, "主动公开政府信息120条"),
      ("pd_items_by_channel", {"channel": "website"}, 98, False, "通过政府网站公开98条")]),
    # more narrative phrasings, 2008 regime
    ("as_of_year_end", "截至2015年12月31日，我镇共主动公开政府信息215条。", 2015,
     [("pd_items_total", {}, 215, False, "主动公开政府信息215条")]),
    ("two_channels", "全年通过政府门户网站公开信息86条，通过乡政务公开栏公开信息70条。", 2015,
     [("pd_items_by_channel", {"channel": "website"}, 86, False, "通过政府门户网站公开信息86条"),
      ("pd_items_by_channel", {"channel": "bulletin_board"}, 70, False, "通过乡政务公开栏公开信息70条")]),
    ("weixin_weibo", "通过“青山发布”微信公众号发布信息210条，官方微博发布信息35条。", 2018,
     [("pd_items_by_channel", {"channel": "weixin"}, 210, False, "通过“青山发布”微信公众号发布信息210条"),
      ("pd_items_by_channel", {"channel": "weibo"}, 35, False, "官方微博发布信息35条")]),
    ("published_approx", "全年共发布信息320余条。", 2015,
     [("pd_items_total", {}, 320, True, "共发布信息320余条")]),
    ("wan_items", "全年累计主动公开政府信息1.2万条。", 2015,
     [("pd_items_total", {}, 12000, False, "主动公开政府信息1.2万条")]),
    ("one_staff", "镇党政办配备1名工作人员负责政府信息公开工作。", 2015,
     [("staff_total", {}, 1, False, "配备1名工作人员")]),
    ("no_request_r07", "本年度我镇未收到要求依申请公开政府信息的申请。", 2015,
     [("req_received", {}, 0, False, "本年度我镇未收到要求依申请公开政府信息的申请")]),
    ("no_fee", "在政府信息公开工作中未收取任何费用。", 2015,
     [("req_fee_collected", {}, 0, False, "在政府信息公开工作中未收取任何费用")]),
    ("no_appeals_r07", "我镇没有因政府信息公开申请行政复议、提起行政诉讼的情况。", 2015,
     [("appeal_count", AR, 0, False, "我镇没有因政府信息公开申请行政复议、提起行政诉讼的情况"),
      ("appeal_count", LA, 0, False, "我镇没有因政府信息公开申请行政复议、提起行政诉讼的情况")]),
    ("requests_outcomes_r07", "全年收到政府信息公开申请3件，均已按期答复，其中同意公开2件，不予公开1件。", 2014,
     [("req_received", {}, 3, False, "收到政府信息公开申请3件"),
      ("req_outcome", {"outcome": "old_granted"}, 2, False, "同意公开2件"),
      ("req_outcome", {"outcome": "old_denied"}, 1, False, "不予公开1件")]),
    ("press_once", "全年召开新闻发布会1次。", 2016,
     [("resp_press_conferences", {}, 1, False, "新闻发布会1次")]),
    # T14 rows written as prose with colons
    ("t14_colon_rows", "三、依申请公开情况\n（一）收到申请数：2件。1.当面申请数：1件；2.网络申请数：1件。（二）申请办结数：2件。"
     "1.按时办结数：2件；2.延期办结数：0件。", 2016,
     [("req_received", {}, 2, False, "收到申请数：2件"),
      ("req_received", {"channel": "in_person"}, 1, False, "当面申请数：1件"),
      ("req_received", {"channel": "online"}, 1, False, "网络申请数：1件"),
      ("req_concluded", {}, 2, False, "申请办结数：2件")]),
    ("t14_colon_outcomes", "依申请公开答复情况：1.属于已主动公开范围数：1件；2.同意公开答复数：2件；"
     "3.不同意公开答复数：1件，其中涉及个人隐私1件；4.申请信息不存在数：0件。", 2016,
     [("req_outcome", {"outcome": "old_already_public"}, 1, False, "属于已主动公开范围数：1件"),
      ("req_outcome", {"outcome": "old_granted"}, 2, False, "同意公开答复数：2件"),
      ("req_outcome", {"outcome": "old_denied"}, 1, False, "不同意公开答复数：1件"),
      ("req_outcome", {"outcome": "old_denied_privacy"}, 1, False, "涉及个人隐私1件"),
      ("req_outcome", {"outcome": "old_not_exist"}, 0, False, "信息不存在数：0件")]),
    # 2019 regime narratives
    ("r19_flow", "2020年，我局共新收政府信息公开申请25件，上年结转3件，办结26件，结转下年度2件。", 2020,
     [("req_received", {}, 25, False, "新收政府信息公开申请25件"), ("req_carried_over_in", {}, 3, False, "上年结转3件"),
      ("req_concluded", {}, 26, False, "办结26件"), ("req_carried_forward", {}, 2, False, "结转下年度2件")]),
    ("r19_outcomes", "在已办结的申请中，予以公开15件，部分公开4件，不予公开2件，无法提供5件。", 2020,
     [("req_outcome", {"outcome": "out_granted"}, 15, False, "予以公开15件"),
      ("req_outcome", {"outcome": "out_partial"}, 4, False, "部分公开4件"),
      ("req_outcome", {"outcome": "out_denied"}, 2, False, "不予公开2件"),
      ("req_outcome", {"outcome": "out_unable"}, 5, False, "无法提供5件")]),
    ("r19_not_held", "对申请的答复中，本机关不掌握相关政府信息2件。", 2021,
     [("req_outcome", {"outcome": "out_unable_not_held"}, 2, False, "本机关不掌握相关政府信息2件")]),
    ("r19_appeals_zero", "全年政府信息公开行政复议、行政诉讼均为0。", 2021,
     [("appeal_count", AR, 0, False, "全年政府信息公开行政复议、行政诉讼均为0"),
      ("appeal_count", LA, 0, False, "全年政府信息公开行政复议、行政诉讼均为0")]),
    ("on_time_concluded", "依申请公开方面，全年按时办结8件。", 2020,
     [("req_concluded", {}, 8, False, "办结8件")]),
    ("delayed_subset", "依申请公开方面，共办结25件，其中延期办结2件。", 2020,
     [("req_concluded", {}, 25, False, "办结25件")]),
    ("staff_comrades", "由党政办2名同志负责政府信息公开日常工作。", 2017,
     [("staff_total", {}, 2, False, "2名同志负责")]),
    ("leader_and_staff", "明确1名分管领导和2名工作人员负责政府信息公开工作。", 2017,
     [("staff_total", {}, 2, False, "2名工作人员")]),
    ("no_requests_plain", "本年度我镇无政府信息公开申请。", 2021,
     [("req_received", {}, 0, False, "本年度我镇无政府信息公开申请")]),
    ("no_requests_no_appeals", "本年度没有收到政府信息公开申请，也未发生行政复议、行政诉讼。", 2021,
     [("req_received", {}, 0, False, "本年度没有收到政府信息公开申请"),
      ("appeal_count", AR, 0, False, "也未发生行政复议、行政诉讼"),
      ("appeal_count", LA, 0, False, "也未发生行政复议、行政诉讼")]),
    ("clause_starts_with_publish", "公开政府信息数为62条。", 2017,
     [("pd_items_total", {}, 62, False, "公开政府信息数为62条")]),
    ("to_society", "主动向社会公开政府信息62条。", 2017,
     [("pd_items_total", {}, 62, False, "主动向社会公开政府信息62条")]),
    ("all_channels", "全年通过各种渠道公开信息62条。", 2017,
     [("pd_items_total", {}, 62, False, "通过各种渠道公开信息62条")]),
    ("since_this_year", "今年以来，我镇共主动公开政府信息62条。", 2017,
     [("pd_items_total", {}, 62, False, "主动公开政府信息62条")]),
    ("item_count_word", "主动公开政府信息条数62条。", 2017,
     [("pd_items_total", {}, 62, False, "主动公开政府信息条数62条")]),
    ("plan_word_earlier", "按照年初工作计划，全年共召开政务公开专题会议3次。", 2016,
     [("meetings", {}, 3, False, "政务公开专题会议3次")]),
    ("requests_heading_none", "三、收到和处理政府信息公开申请情况：无", 2021,
     [("req_received", {}, 0, False, "三、收到和处理政府信息公开申请情况：无")]),
    ("requests_zero_word", "全年政府信息公开申请为零。", 2021,
     [("req_received", {}, 0, False, "全年政府信息公开申请为零")]),
    ("requests_zero_digit", "全年依申请公开数为0。", 2016,
     [("req_received", {}, 0, False, "全年依申请公开数为0")]),
    ("none_yet", "本年度暂无政府信息公开申请。", 2021,
     [("req_received", {}, 0, False, "本年度暂无政府信息公开申请")]),
    ("appeals_and_complaints_none", "全年未发生因政府信息公开而引起的行政复议和行政诉讼案件，也未收到举报投诉。", 2016,
     [("appeal_count", AR, 0, False, "全年未发生因政府信息公开而引起的行政复议和行政诉讼案件"),
      ("appeal_count", LA, 0, False, "全年未发生因政府信息公开而引起的行政复议和行政诉讼案件"),
      ("appeal_count", CO, 0, False, "也未收到举报投诉")]),
    ("no_info_fee_arising", "全年未产生信息处理费。", 2021,
     [("info_processing_fee", {}, 0, False, "全年未产生信息处理费")]),
    ("opinion_events", "全年处置网络舆情5起。", 2017, [("resp_hot_topics", {}, 5, False, "舆情5起")]),
    ("t14_colon_money", "政府信息公开专项经费：0.5万元。依申请公开信息收取的费用：0元。", 2016,
     [("budget_special", {}, 5000, False, "专项经费：0.5万元"), ("req_fee_collected", {}, 0, False, "收取的费用：0元")]),
    ("county_comma_total", "全年我区主动公开政府信息共计4,562条。", 2020,
     [("pd_items_total", {}, 4562, False, "主动公开政府信息共计4,562条")]),
    # a channel list closed by 等 with one count is the total, never a channel (no 主动 needed)
    ("channel_list_etc_total", "全年通过网站、微信、公开栏等渠道公开政府信息56条。", 2017,
     [("pd_items_total", {}, 56, False, "通过网站、微信、公开栏等渠道公开政府信息56条")]),
    ("channel_list_etc_many_ways", "通过门户网站、政务微信等多种渠道发布信息230条。", 2019,
     [("pd_items_total", {}, 230, False, "通过门户网站、政务微信等多种渠道发布信息230条")]),
    ("channel_list_etc_platforms", "本年度通过政府网站、政务微博、微信公众号等平台公开信息1200条。", 2018,
     [("pd_items_total", {}, 1200, False, "通过政府网站、政务微博、微信公众号等平台公开信息1200条")]),
    ("channel_list_etc_bare", "在政务公开栏、村务公开栏等公开信息48条。", 2016,
     [("pd_items_total", {}, 48, False, "政务公开栏、村务公开栏等公开信息48条")]),
    ("channel_list_etc_then_split", "全年通过网站、公开栏等渠道公开政府信息56条，其中通过镇政府网站公开40条。", 2017,
     [("pd_items_total", {}, 56, False, "通过网站、公开栏等渠道公开政府信息56条"),
      ("pd_items_by_channel", {"channel": "website"}, 40, False, "通过镇政府网站公开40条")]),
    ("etc_channels_interpretations_not_total", "通过网站、微信等渠道发布政策解读10条。", 2019,
     [("resp_policy_interpretations", {}, 10, False, "政策解读10条")]),
    ("one_channel_etc_total", "全年通过政府网站等渠道公开信息60条。", 2017,
     [("pd_items_total", {}, 60, False, "通过政府网站等渠道公开信息60条")]),
    ("channel_list_etc_media", "全年通过网站、报纸、电视等媒体公开信息100条。", 2015,
     [("pd_items_total", {}, 100, False, "通过网站、报纸、电视等媒体公开信息100条")]),
    ("website_headline_stays_website", "在镇政府网站头条发布信息5条。", 2017,
     [("pd_items_by_channel", {"channel": "website"}, 5, False, "政府网站头条发布信息5条")]),
    ("one_channel_stays_channel", "通过政府网站公开信息80条。", 2017,
     [("pd_items_by_channel", {"channel": "website"}, 80, False, "通过政府网站公开信息80条")]),
    # 政务新媒体, 抖音, 头条号, 视频号, 客户端: new_media_other
    ("new_media_channel", "通过政务新媒体发布信息45条。", 2020,
     [("pd_items_by_channel", {"channel": "new_media_other"}, 45, False, "通过政务新媒体发布信息45条")]),
    ("douyin_channel", "通过政务抖音号发布信息16条。", 2021,
     [("pd_items_by_channel", {"channel": "new_media_other"}, 16, False, "通过政务抖音号发布信息16条")]),
    ("toutiao_channel", "通过头条号推送信息9条。", 2021,
     [("pd_items_by_channel", {"channel": "new_media_other"}, 9, False, "通过头条号推送信息9条")]),
    ("video_account_channel", "通过视频号发布信息7条。", 2022,
     [("pd_items_by_channel", {"channel": "new_media_other"}, 7, False, "通过视频号发布信息7条")]),
    ("app_channel", "通过政务客户端发布信息30条。", 2020,
     [("pd_items_by_channel", {"channel": "new_media_other"}, 30, False, "通过政务客户端发布信息30条")]),
    ("split_with_new_media", "其中，通过政府网站公开120条，通过政务新媒体公开35条。", 2020,
     [("pd_items_by_channel", {"channel": "website"}, 120, False, "通过政府网站公开120条"),
      ("pd_items_by_channel", {"channel": "new_media_other"}, 35, False, "通过政务新媒体公开35条")]),
    # 办理完毕 is concluded; 办理 alone is neither received nor concluded (see NEGATIVE)
    ("handled_completely", "全年依申请公开办理完毕3件。", 2017,
     [("req_concluded", {}, 3, False, "办理完毕3件")]),
    ("received_and_handled", "全年共收到并办理政府信息公开申请6件。", 2017,
     [("req_received", {}, 6, False, "收到并办理政府信息公开申请6件")]),
    # 余/多 after Chinese numerals and after 万
    ("cn_tens_approx_meetings", "全年召开政务公开工作会议二十余次。", 2017,
     [("meetings", {}, 20, True, "政务公开工作会议二十余次")]),
    ("cn_hundreds_duo_total", "全年主动公开政府信息三百多条。", 2017,
     [("pd_items_total", {}, 300, True, "主动公开政府信息三百多条")]),
    ("cn_two_hundred_yu_training", "组织政务公开培训两次，参训人员两百余人次。", 2018,
     [("training_sessions", {}, 2, False, "培训两次"), ("training_attendees", {}, 200, True, "参训人员两百余人次")]),
    ("budget_wan_duo", "全年安排政府信息公开专项经费两万多元。", 2016,
     [("budget_special", {}, 20000, True, "专项经费两万多元")]),
    ("wan_yu_total", "全年主动公开政府信息1.2万余条。", 2020,
     [("pd_items_total", {}, 12000, True, "主动公开政府信息1.2万余条")]),
]

# Sentences that must yield nothing.
NEGATIVE = [
    ("percentage", "政府网站信息占比达到45%。"),
    ("categories", "其中机构职能类12条、政策法规类20条、规划计划类5条。"),
    ("other_year", "2016年主动公开政府信息70条。"),
    ("whole_county", "全县共主动公开政府信息3200条。"),
    ("cumulative", "2008年以来累计公开政府信息1200条。"),
    ("doc_number", "根据《关于做好2017年政务公开工作的通知》(青政办〔2017〕12号)要求开展工作。"),
    ("phone", "联系电话:0431-12345678。"),
    ("delta", "主动公开政府信息数量比上年增加20条。"),
    ("delta_same_year", "与上年相比增加15条。"),
    ("target", "力争全年主动公开政府信息不少于100条。"),
    ("plan_meetings", "计划全年召开政务公开工作会议4次。"),
    ("plan_training", "下一步，力争组织政务公开培训2次。"),
    ("petitions", "全年受理群众信访件23件。"),
    ("legal_aid", "全年受理法律援助申请15件。"),
    ("party_meetings", "全年召开党委会议12次。"),
    ("consultations", "接待群众来访咨询300人次。"),
    ("date", "本报告统计时间为2017年12月31日。"),
    ("answered_all", "对收到的申请均按时予以答复。"),
    ("village_counts", "各村共公开村务信息560条。"),
    ("subordinate", "所属单位共配备信息员15名。"),
    ("monthly", "每月更新公开栏信息10条。"),
    ("headcount", "全局干部职工35人。"),
    ("npc_proposals", "办理人大代表建议5件、政协提案3件。"),
    ("hotline", "12345便民服务热线受理群众诉求1560件。"),
    ("licensing", "本年度办理行政许可事项356件。"),
    ("county_meetings", "全县共召开政务公开工作会议12次。"),
    ("village_meetings", "各村召开村民代表会议45次。"),
    ("previous_year_total", "2018年我镇主动公开政府信息62条。"),
    ("last_year_word", "上年度主动公开政府信息50条。"),
    ("answer_rate", "政府信息公开申请答复率达100%。"),
    ("postcode", "联系电话:0871-6543210,邮编650000。"),
    ("inspections", "开展政务公开专项检查3次。"),
    ("natural_person_split", "其中自然人申请10件、法人或其他组织申请2件。"),
    ("plan_to_publish", "下一步将在政府网站公开信息不少于50条。"),
    ("rate", "主动公开政府信息率达100%。"),
    ("clicks", "网站点击量达15万次。"),
    ("letters_visits", "受理群众来信来访32件。"),
    ("villages", "全镇共有23个行政村、2个社区。"),
    ("columns", "镇政府网站共设置栏目15个。"),
    ("double_random", "全年共开展“双随机、一公开”检查18次。"),
    ("leaflets", "发放政策宣传资料3000余份。"),
    ("timely_rate", "申请按时办结率100%。"),
    ("on_time_only", "1.按时办结数：2件；2.延期办结数：0件。"),
    ("split_digits", "全年主动公开政府信息6 2条。"),
    ("split_digits_odd_group", "全年主动公开政府信息12 34条。"),
    ("cadres", "全镇共有干部职工56人。"),
    ("establishment", "镇机关在编人员48名。"),
    ("leading_group", "领导小组成员12人。"),
    ("leader_only", "明确1名分管领导负责政府信息公开工作。"),
    ("mailbox_replies", "全年回复网民留言12条。"),
    ("petition_letters", "我镇收到群众信访件20件，已全部办结。"),
    ("walkins", "全年接受群众咨询120人次。"),
    ("village_meeting_times", "通过召开村民大会公开信息12次。"),
    ("vague_place", "镇公开政府信息34条。"),
    ("legal_aid_in_disclosure_sentence", "在推进政务公开的同时，全年受理法律援助申请15件。"),
    ("licensing_applications", "依托政务公开平台，全年受理行政许可申请230件。"),
    ("technicians", "镇机关有专业技术人员5名。"),
    ("village_info_officers", "各村配备兼职信息员1名。"),
    ("since_founding", "建站以来共主动公开政府信息1500条。"),
    ("future_sentence", "下一步，我镇将组织政务公开培训2次。"),
    ("work_docs", "印发《青山镇政务公开工作要点》等文件3个。"),
    # channel lists with 等: a group of channels (等政务新媒体) is no total, a category is no total
    ("etc_new_media_group", "通过政务微博、微信等政务新媒体发布信息45条。"),
    ("etc_channels_category", "通过网站、微信等渠道公开人事信息5条。"),
    ("etc_channels_villages", "各村通过公开栏等渠道公开村务信息560条。"),
    ("etc_channels_no_count", "通过网站、微信、公开栏等方式公开政府信息。"),
    # 办理 alone: not clearly received this year, nor concluded
    ("etc_channels_other_year", "2016年通过网站、微信等渠道公开信息62条。"),
    ("handled_late", "逾期办理完毕1件。"),
    ("handled_requests", "全年办理政府信息公开申请8件。"),
    ("handled_on_request", "共办理依申请公开5件。"),
    ("handled_on_time_count", "按时办理完毕数：2件。"),
    ("clicks_wan_yu", "网站访问量达10万余次。"),
]


@pytest.mark.parametrize(("body", "year", "expected"), [pytest.param(b, y, e, id=i) for i, b, y, e in PROSE])
def test_prose(body: str, year: int, expected: list) -> None:
    _check(report(body, year), expected)


@pytest.mark.parametrize(("body",), [pytest.param(b, id=i) for i, b in NEGATIVE])
def test_negative(body: str) -> None:
    _check(report(body, 2017), [])


# --- T14 statistics rows ---------------------------------------------------------------------------
# (label, unit, shown value, indicator, dims, value); indicator None: a row the catalog has no code for
T14_ROWS = [
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "56", "pd_items_total", {}, 56),
    ("其中：主动公开规范性文件数", "条", "3", "pd_normdocs_disclosed", {}, 3),
    ("制发规范性文件总数", "件", "4", "normdocs_issued", {}, 4),
    ("1.政府公报公开政府信息数", "条", "0", "pd_items_by_channel", {"channel": "gazette"}, 0),
    ("2.政府网站公开政府信息数", "条", "48", "pd_items_by_channel", {"channel": "website"}, 48),
    ("3.政务微博公开政府信息数", "条", "0", "pd_items_by_channel", {"channel": "weibo"}, 0),
    ("4.政务微信公开政府信息数", "条", "20", "pd_items_by_channel", {"channel": "weixin"}, 20),
    ("5.其他方式公开政府信息数", "条", "6", "pd_items_by_channel", {"channel": "other"}, 6),
    ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "2", "resp_hot_topics", {}, 2),
    ("1.参加或举办新闻发布会总次数", "次", "1", "resp_press_conferences", {}, 1),
    ("其中：主要负责同志参加新闻发布会次数", "次", "1", None, {}, 0),
    ("2.政府网站在线访谈次数", "次", "2", "resp_online_interviews", {}, 2),
    ("其中：主要负责同志参加政府网站在线访谈次数", "次", "1", None, {}, 0),
    ("3.政策解读稿件发布数", "篇", "4", "resp_policy_interpretations", {}, 4),
    ("4.微博微信回应事件数", "次", "3", None, {}, 0),
    ("（一）收到申请数", "件", "2", "req_received", {}, 2),
    ("1.当面申请数", "件", "1", "req_received", {"channel": "in_person"}, 1),
    ("2.传真申请数", "件", "0", "req_received", {"channel": "fax"}, 0),
    ("3.网络申请数", "件", "1", "req_received", {"channel": "online"}, 1),
    ("4.信函申请数", "件", "0", "req_received", {"channel": "letter"}, 0),
    ("（二）申请办结数", "件", "2", "req_concluded", {}, 2),
    ("1.按时办结数", "件", "2", None, {}, 0),
    ("2.延期办结数", "件", "0", None, {}, 0),
    ("1.属于已主动公开范围数", "件", "0", "req_outcome", {"outcome": "old_already_public"}, 0),
    ("2.同意公开答复数", "件", "1", "req_outcome", {"outcome": "old_granted"}, 1),
    ("3.同意部分公开答复数", "件", "0", "req_outcome", {"outcome": "old_partial"}, 0),
    ("4.不同意公开答复数", "件", "2", "req_outcome", {"outcome": "old_denied"}, 2),
    ("其中：涉及国家秘密", "件", "0", "req_outcome", {"outcome": "old_denied_state_secret"}, 0),
    ("涉及商业秘密", "件", "0", "req_outcome", {"outcome": "old_denied_trade_secret"}, 0),
    ("涉及个人隐私", "件", "1", "req_outcome", {"outcome": "old_denied_privacy"}, 1),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0", "req_outcome", {"outcome": "old_denied_security_stability"}, 0),
    ("不是《条例》所指政府信息", "件", "1", "req_outcome", {"outcome": "old_denied_not_gov_info"}, 1),
    ("法律法规规定的其他情形", "件", "0", "req_outcome", {"outcome": "old_denied_other_law"}, 0),
    ("5.不属于本行政机关公开数", "件", "1", "req_outcome", {"outcome": "old_not_this_agency"}, 1),
    ("6.申请信息不存在数", "件", "0", "req_outcome", {"outcome": "old_not_exist"}, 0),
    ("7.告知作出更改补充数", "件", "0", "req_outcome", {"outcome": "old_told_amend"}, 0),
    ("8.告知通过其他途径办理数", "件", "1", "req_outcome", {"outcome": "old_told_other_route"}, 1),
    ("四、行政复议数量", "件", "1", "appeal_count", AR, 1),
    ("（一）维持具体行政行为数", "件", "1", "appeal_count", {"proceeding": "admin_review", "result": "upheld"}, 1),
    ("（二）被依法纠错数", "件", "0", "appeal_count", {"proceeding": "admin_review", "result": "corrected"}, 0),
    ("（三）其他情形数", "件", "0", "appeal_count", {"proceeding": "admin_review", "result": "other"}, 0),
    ("五、行政诉讼数量", "件", "1", "appeal_count", LA, 1),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1", "appeal_count",
     {"proceeding": "litigation_all", "result": "upheld"}, 1),
    ("（二）被依法纠错数", "件", "0", "appeal_count", {"proceeding": "litigation_all", "result": "corrected"}, 0),
    ("（三）其他情形数", "件", "0", "appeal_count", {"proceeding": "litigation_all", "result": "other"}, 0),
    ("六、举报投诉数量", "件", "0", "appeal_count", CO, 0),
    ("七、依申请公开信息收取的费用", "万元", "0", "req_fee_collected", {}, 0),
    ("（一）政府信息公开工作专门机构数", "个", "1", "org_dedicated_units", {}, 1),
    ("（二）设置政府信息公开查阅点数", "个", "2", "reading_points", {}, 2),
    ("（三）从事政府信息公开工作人员数", "人", "3", "staff_total", {}, 3),
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "1", "staff_fulltime", {}, 1),
    ("2.兼职人员数", "人", "2", "staff_parttime", {}, 2),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "0.5",
     "budget_special", {}, 5000),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "2", "meetings", {}, 2),
    ("（二）举办各类培训班数", "次", "1", "training_sessions", {}, 1),
    ("（三）接受培训人员数", "人次", "40", "training_attendees", {}, 40),
]


def _t14_layout(layout: str, label: str, unit: str, shown: str) -> str:
    if layout == "pipe":
        return f"{label} | {unit} | {shown}"
    if layout == "pipe_no_unit":
        return f"{label} | {shown}"
    if layout == "spaces":
        return f"{label} {unit} {shown}"
    if layout == "cell_per_line":
        return f"{label}\n{unit}\n{shown}"
    if layout == "cell_per_line_pipes":
        return f"{label}\n|\n{unit}\n|\n{shown}\n|"
    if layout == "glued":
        return f"{label}{unit}{shown}"
    raise ValueError(layout)


T14_LAYOUTS = ["pipe", "pipe_no_unit", "spaces", "cell_per_line", "cell_per_line_pipes", "glued"]


@pytest.mark.parametrize("layout", T14_LAYOUTS)
def test_t14_rows(layout: str) -> None:
    lines, expected = ["政府信息公开情况统计表", _t14_layout(layout, "统计指标", "单位", "统计数")], []
    for label, unit, shown, indicator, dims, value in T14_ROWS:
        row = _t14_layout(layout, label, unit, shown)
        lines.append(row)
        if indicator:
            evidence = row[: row.rindex(shown) + len(shown)]
            expected.append((indicator, dims, value, False, evidence))
    text = report("\n".join(lines), 2016)
    assert parse_report(text).meta.format_code == "T14"
    _check(text, expected)


@pytest.mark.parametrize(("layout", "row"), [
    pytest.param(layout, row, id=f"{layout}-{row[0][:12]}") for layout in ("pipe", "spaces", "cell_per_line")
    # 维持/纠错 sub-rows need their 行政复议/行政诉讼 row above them: only in the whole table
    for row in T14_ROWS if row[3] is not None and row[4].get("result", "total") == "total"
])
def test_t14_single_row_among_labels(layout: str, row: tuple) -> None:
    """One row at a time, with just two other T14 labels to fix the format."""
    label, unit, shown, indicator, dims, value = row
    body = f"收到申请数、申请办结数见下表。\n{_t14_layout(layout, label, unit, shown)}\n"
    text = report(body, 2015)
    line = _t14_layout(layout, label, unit, shown)
    obs = [o for o in _observed(text) if o[0] == indicator and o[1] == tuple(sorted(dims.items()))]
    assert obs == [(indicator, tuple(sorted(dims.items())), float(value), False, line[: line.rindex(shown) + len(shown)])]


T14_UNIT_VARIANTS = [
    # unit in the label, unit in the value cell, money in yuan
    ("（四）政府信息公开专项经费（元） | 5000", "budget_special", 5000, "（四）政府信息公开专项经费（元） | 5000"),
    ("（四）政府信息公开专项经费（万元） | 1.2", "budget_special", 12000, "（四）政府信息公开专项经费（万元） | 1.2"),
    ("（四）政府信息公开专项经费 | 3000元", "budget_special", 3000, "（四）政府信息公开专项经费 | 3000元"),
    ("（一）召开政府信息公开工作会议或专题会议数 | 2次", "meetings", 2, "（一）召开政府信息公开工作会议或专题会议数 | 2次"),
    ("（三）接受培训人员数 | 35人次", "training_attendees", 35, "（三）接受培训人员数 | 35人次"),
    ("（三）从事政府信息公开工作人员数 | 3人", "staff_total", 3, "（三）从事政府信息公开工作人员数 | 3人"),
    ("3.政策解读稿件发布数 | 4篇", "resp_policy_interpretations", 4, "3.政策解读稿件发布数 | 4篇"),
    ("七、依申请公开信息收取的费用（万元） | 0", "req_fee_collected", 0, "七、依申请公开信息收取的费用（万元） | 0"),
]


@pytest.mark.parametrize(("line", "indicator", "value", "evidence"), T14_UNIT_VARIANTS)
def test_t14_units(line: str, indicator: str, value: float, evidence: str) -> None:
    text = report(f"收到申请数、申请办结数见下表。\n{line}\n", 2015)
    _check(text, [(indicator, {}, value, False, evidence)])


# --- L08 local tables ------------------------------------------------------------------------------
L08_ROWS = [
    ("主动公开信息数", "条", "01", "86", "pd_items_total", {}, 86),
    ("其中：全文电子化的主动公开信息数", "条", "02", "86", None, {}, 0),
    ("申请总数", "条", "05", "4", "req_received", {}, 4),
    ("其中：当面申请数", "条", "06", "1", "req_received", {"channel": "in_person"}, 1),
    ("传真申请数", "条", "07", "0", "req_received", {"channel": "fax"}, 0),
    ("电子邮件申请数", "条", "08", "1", "req_received", {"channel": "email"}, 1),
    ("网上申请数", "条", "09", "2", "req_received", {"channel": "online"}, 2),
    ("信函申请数", "条", "10", "0", "req_received", {"channel": "letter"}, 0),
    ("同意公开答复数", "条", "12", "2", "req_outcome", {"outcome": "old_granted"}, 2),
    ("同意部分公开答复数", "条", "13", "1", "req_outcome", {"outcome": "old_partial"}, 1),
    ("否决公开答复总数", "条", "14", "1", "req_outcome", {"outcome": "old_denied"}, 1),
    ("其中：“信息不存在”数", "条", "15", "1", "req_outcome", {"outcome": "old_not_exist"}, 1),
    ("“非本部门掌握”数", "条", "16", "0", "req_outcome", {"outcome": "old_not_this_agency"}, 0),
    ("行政复议数", "件", "30", "0", "appeal_count", AR, 0),
    ("行政诉讼数", "件", "31", "0", "appeal_count", LA, 0),
    ("行政申诉数", "件", "32", "0", "appeal_count", CO, 0),
]


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line", "no_code"])
def test_l08_rows(layout: str) -> None:
    header = "指标名称 | 计量单位 | 数量" if layout == "no_code" else "指标名称 | 计量单位 | 代码 | 数量"
    lines, expected = ["政府信息公开工作情况统计表", header], []
    for label, unit, code, shown, indicator, dims, value in L08_ROWS:
        if layout == "pipe":
            row = f"{label} | {unit} | {code} | {shown}"
        elif layout == "cell_per_line":
            row = f"{label}\n{unit}\n{code}\n{shown}"
        else:
            row = f"{label} | {unit} | {shown}"
        lines.append(row)
        if indicator:
            expected.append((indicator, dims, value, False, row[: row.rindex(shown) + len(shown)]))
    text = report("\n".join(lines), 2010)
    assert parse_report(text).meta.format_code == "L08"
    _check(text, expected)


# --- F19/F21 table 3 and table 4 -----------------------------------------------------------------
T3_HEADER = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
]
# (group label or "", row label, total, outcome key)
T3_ROWS = [
    ("", "一、本年新收政府信息公开申请数量", 9, "req_received"),
    ("", "二、上年结转政府信息公开申请数量", 1, "req_carried_over_in"),
    ("三、本年度办理结果", "（一）予以公开", 4, "out_granted"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, "out_partial"),
    ("（三）不予公开", "1.属于国家秘密", 0, "out_denied_state_secret"),
    ("", "2.其他法律行政法规禁止公开", 0, "out_denied_law_prohibited"),
    ("", "3.危及“三安全一稳定”", 0, "out_denied_security_stability"),
    ("", "4.保护第三方合法权益", 1, "out_denied_third_party"),
    ("", "5.属于三类内部事务信息", 0, "out_denied_internal_affairs"),
    ("", "6.属于四类过程性信息", 0, "out_denied_process_info"),
    ("", "7.属于行政执法案卷", 0, "out_denied_enforcement_file"),
    ("", "8.属于行政查询事项", 0, "out_denied_admin_query"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", 2, "out_unable_not_held"),
    ("", "2.没有现成信息需要另行制作", 0, "out_unable_needs_creation"),
    ("", "3.补正后申请内容仍不明确", 0, "out_unable_unclear"),
    ("（五）不予处理", "1.信访举报投诉类申请", 1, "out_notproc_petition"),
    ("", "2.重复申请", 0, "out_notproc_repeat"),
    ("", "3.要求提供公开出版物", 0, "out_notproc_publication"),
    ("", "4.无正当理由大量反复申请", 0, "out_notproc_mass_repeat"),
    ("", "5.要求行政机关确认或重新出具已获取信息", 0, "out_notproc_confirm_reissue"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 0, "out_other_no_correction"),
    ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 0, "out_other_fee_unpaid"),
    ("", "3.其他", 1, "out_other_misc"),
    ("", "（七）总计", 10, "req_outcome_total"),
    ("", "四、结转下年度继续办理", 0, "req_carried_forward"),
]


def _t3_cells(total: int) -> list[str]:
    natural = total // 2
    return [str(natural), str(total - natural), "0", "0", "0", "0", str(total)]


def _t3_text(layout: str) -> tuple[str, list[tuple]]:
    parts: list[str] = []
    expected = []
    sep = {"pipe_rows": " | ", "cell_per_line": "\n|\n", "cell_per_paragraph": "\n\n", "spaces": " "}[layout]
    parts.append(sep.join(T3_HEADER))
    for group, label, total, key in T3_ROWS:
        cells = _t3_cells(total)
        row = sep.join(cells)
        if group:
            parts.append(group)
        line = f"{label}{sep}{row}"
        parts.append(line)
        indicator, dims = (key, {}) if not key.startswith("out_") else ("req_outcome", {"outcome": key})
        expected.append((indicator, dims, total, False, line))
    joiner = "\n" if layout in ("pipe_rows", "spaces") else sep
    return joiner.join(parts), expected


@pytest.mark.parametrize("layout", ["pipe_rows", "cell_per_line", "cell_per_paragraph", "spaces"])
def test_f21_table3(layout: str) -> None:
    body, expected = _t3_text(layout)
    body = "本年制发件数\n" + body  # an F21 label elsewhere in the report
    text = report(body, 2022)
    assert parse_report(text).meta.format_code == "F21"
    _check(text, expected)


def test_f19_table3_single_other_row() -> None:
    body, expected = _t3_text("pipe_rows")
    rows = [r for r in T3_ROWS if not r[3].startswith("out_other_")]
    lines = [line for line in body.split("\n") if not line.startswith(("（六）其他处理", "1.申请人无正当理由", "2.申请人逾期", "3.其他"))]
    lines.insert(len(lines) - 2, "（六）其他处理 | 0 | 1 | 0 | 0 | 0 | 0 | 1")
    expected = [e for e in expected if e[1].get("outcome", "").startswith("out_other_") is False]
    expected.append(("req_outcome", {"outcome": "out_other"}, 1, False, "（六）其他处理 | 0 | 1 | 0 | 0 | 0 | 0 | 1"))
    assert len(rows) == len(expected) - 1
    text = report("本年新制作数量\n" + "\n".join(lines), 2019)
    assert parse_report(text).meta.format_code == "F19"
    _check(text, expected)


T4 = (
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议 | 行政诉讼\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
    "1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1\n"
    "五、存在的主要问题及改进情况\n"
)


def test_table4_fifteen_cells() -> None:
    text = report("本年制发件数\n" + T4, 2022)
    parsed = parse_report(text)
    values = {(o.proceeding_code, o.result_code): o.value for o in parsed.observations if o.indicator_code == "appeal_count"}
    assert values == {
        ("admin_review", "upheld"): 1, ("admin_review", "corrected"): 0, ("admin_review", "other"): 0,
        ("admin_review", "pending"): 1, ("admin_review", "total"): 2,
        ("litigation_direct", "upheld"): 0, ("litigation_direct", "corrected"): 0, ("litigation_direct", "other"): 0,
        ("litigation_direct", "pending"): 0, ("litigation_direct", "total"): 0,
        ("litigation_after_review", "upheld"): 1, ("litigation_after_review", "corrected"): 0,
        ("litigation_after_review", "other"): 0, ("litigation_after_review", "pending"): 0,
        ("litigation_after_review", "total"): 1,
    }


@pytest.mark.parametrize("layout", ["spaces", "cell_per_paragraph"])
def test_table4_other_layouts(layout: str) -> None:
    body = T4.replace(" | ", " ") if layout == "spaces" else T4.replace(" | ", "\n\n").replace("\n", "\n\n")
    parsed = parse_report(report("本年制发件数\n" + body, 2022))
    values = [(o.proceeding_code, o.result_code, o.value) for o in parsed.observations if o.indicator_code == "appeal_count"]
    assert values == [
        ("admin_review", "upheld", 1), ("admin_review", "corrected", 0), ("admin_review", "other", 0),
        ("admin_review", "pending", 1), ("admin_review", "total", 2),
        ("litigation_direct", "upheld", 0), ("litigation_direct", "corrected", 0), ("litigation_direct", "other", 0),
        ("litigation_direct", "pending", 0), ("litigation_direct", "total", 0),
        ("litigation_after_review", "upheld", 1), ("litigation_after_review", "corrected", 0),
        ("litigation_after_review", "other", 0), ("litigation_after_review", "pending", 0),
        ("litigation_after_review", "total", 1),
    ]


def test_table4_cell_per_line() -> None:
    cells = T4.split("\n")[4].split(" | ")
    header = "\n|\n".join(T4.split("\n")[1].split(" | ") + T4.split("\n")[2].split(" | ") + T4.split("\n")[3].split(" | "))
    body = "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n" + header + "\n|\n" + "\n|\n".join(cells) + "\n五、存在的主要问题及改进情况\n"
    parsed = parse_report(report(body, 2022))
    values = [(o.proceeding_code, o.result_code, o.value) for o in parsed.observations if o.indicator_code == "appeal_count"]
    assert len(values) == 15
    assert ("admin_review", "total", 2) in values and ("litigation_after_review", "upheld", 1) in values


# --- metadata --------------------------------------------------------------------------------------
# (id, text, body_name, body_level, county, report_year)
META = [
    ("town_with_county", "安平县高桥镇人民政府2019年度政府信息公开工作年度报告\n本年度我镇依法公开政府信息。\n",
     "高桥镇", "town", "安平县", 2019),
    ("city_department", "咸阳市生态环境局2020年政府信息公开工作年度报告\n本年度我局依法公开政府信息。\n",
     "咸阳市生态环境局", "department", None, 2020),
    ("district_department", "绍兴市柯桥区农业农村局2020年政府信息公开工作年度报告\n本年度我局依法公开政府信息。\n",
     "绍兴市柯桥区农业农村局", "department", "柯桥区", 2020),
    ("about_report", "关于青松街道办事处2018年度政府信息公开工作的报告\n本年度我街道依法公开政府信息。\n",
     "青松街道", "town", None, 2018),
    ("chinese_year", "石门镇二〇一九年政府信息公开工作年度报告\n本年度我镇依法公开政府信息。\n二〇二〇年一月十五日\n",
     "石门镇", "town", None, 2019),
    ("published_next_year", "发布日期:2020-01-15\n桃源县龙潭镇2019年政府信息公开工作年度报告\n本年度我镇依法公开政府信息。\n"
     "桃源县龙潭镇人民政府\n2020年1月15日\n", "龙潭镇", "town", "桃源县", 2019),
    ("no_title_period",
     "本报告由龙潭镇人民政府编制。本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。"
     "2020年我镇将进一步做好政务公开工作，2020年重点推进基层政务公开标准化。\n", "龙潭镇", "town", None, 2019),
    # 青州市 is a county-level city (under 潍坊市): the county of its departments (labeling.md)
    ("dept_city_prefix", "青州市住房和城乡建设局2019年政府信息公开工作年度报告\n本年度我局依法公开政府信息。\n",
     "青州市住房和城乡建设局", "department", "青州市", 2019),
    ("about_after_org", "青山镇人民政府关于2018年度政府信息公开工作情况的报告\n本年度我镇依法公开政府信息。\n",
     "青山镇", "town", None, 2018),
    ("chrome_only", "索引号:11420-00-2020-0001 | 发布机构:青山镇人民政府 | 发布日期:2020-01-20\n"
     "标题:2019年政府信息公开工作年度报告\n本年度我镇依法公开政府信息。\n", "青山镇", "town", None, 2019),
    ("two_line_title", "平安县青山镇人民政府\n2018年政府信息公开工作年度报告\n本年度我镇依法公开政府信息。\n",
     "青山镇", "town", "平安县", 2018),
    ("traditional_title", "平安縣青山鎮2016年政府信息公開工作年度報告\n本年度我鎮依法公開政府信息。\n",
     "青山镇", "town", "平安县", 2016),
    ("work_report", "平安县石桥乡2013年度政府信息公开工作报告\n本年度我乡依法公开政府信息。\n", "石桥乡", "town", "平安县", 2013),
    ("district_gov", "长宁区人民政府2021年政府信息公开工作年度报告\n本年度我区依法公开政府信息。\n", "长宁区", "county", "长宁区", 2021),
    ("street_with_parents", "杭州市余杭区南苑街道办事处2020年度政府信息公开工作年度报告\n本年度我街道依法公开政府信息。\n",
     "南苑街道", "town", "余杭区", 2020),
    ("year_first", "2015年平安县石桥乡政府信息公开年报\n本年度我乡依法公开政府信息。\n", "石桥乡", "town", "平安县", 2015),
    ("county_department", "平安县财政局2020年度政府信息公开工作年度报告\n本年度我局依法公开政府信息。\n",
     "平安县财政局", "department", "平安县", 2020),
    ("year_after_title", "石桥乡政府信息公开工作年度报告（2019年度）\n本年度我乡依法公开政府信息。\n", "石桥乡", "town", None, 2019),
    ("province_department", "湖南省交通运输厅2020年政府信息公开工作年度报告\n本年度我厅依法公开政府信息。\n",
     "湖南省交通运输厅", "department", None, 2020),
    ("supply_coop", "平安县供销合作社联合社2019年政府信息公开工作年度报告\n本年度我社依法公开政府信息。\n",
     "平安县供销合作社联合社", "department", "平安县", 2019),
    ("county_gov_office", "平安县人民政府办公室2019年度政府信息公开工作年度报告\n本年度我县依法公开政府信息。\n",
     "平安县", "county", "平安县", 2019),
    ("about_dept", "关于平安县教育局2017年度政府信息公开工作的报告\n本年度我局依法公开政府信息。\n",
     "平安县教育局", "department", "平安县", 2017),
]


@pytest.mark.parametrize(("text", "name", "level", "county", "year"), [pytest.param(*m[1:], id=m[0]) for m in META])
def test_metadata(text: str, name: str, level: str, county: str | None, year: int) -> None:
    meta = parse_report(text).meta
    assert (meta.body_name, meta.body_level, meta.county, meta.report_year) == (name, level, county, year)


# --- whole reports: every observation of the report, nothing else -------------------------------
REPORT_2016 = """青山镇2016年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《平安县人民政府办公室关于做好2016年政府信息公开工作年度报告的通知》（平政办〔2017〕3号）要求，由青山镇人民政府编制。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施等六个部分。本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。如对本报告有任何疑问，请与青山镇党政办联系（电话：0736-5123456）。
一、概述
2016年，我镇高度重视政府信息公开工作，成立了以镇长为组长的政府信息公开工作领导小组，明确党政办为政府信息公开工作机构，配备兼职工作人员2名。全年召开政务公开专题会议3次，组织政府信息公开业务培训2次，参训人员45人次。
二、主动公开政府信息情况
2016年，我镇通过不同渠道和方式主动公开政府信息共计186条，比上年增加36条。其中，通过县政府门户网站公开120条，通过政务微信公开40条，通过镇村政务公开栏公开26条。主动公开的信息中，机构职能类10条，政策法规类35条，规划计划类12条，财政资金类20条，其他类109条。
三、依申请公开政府信息情况
2016年，我镇共受理政府信息公开申请2件，其中当面申请1件，信函申请1件。已全部按时答复，其中同意公开1件，信息不存在1件。
四、政府信息公开的收费及减免情况
2016年，我镇未收取任何费用。
五、因政府信息公开申请行政复议和提起行政诉讼的情况
2016年，我镇未发生因政府信息公开申请行政复议和提起行政诉讼的情况。
六、存在的主要问题及改进措施
一是公开内容不够全面；二是公开形式较为单一。力争2017年主动公开政府信息200条以上。下一步，我镇将每季度召开1次政务公开工作会议。
青山镇人民政府
2017年1月20日
"""
REPORT_2016_EXPECTED = [
    ("staff_parttime", {}, 2, False, "兼职工作人员2名"),
    ("meetings", {}, 3, False, "政务公开专题会议3次"),
    ("training_sessions", {}, 2, False, "培训2次"),
    ("training_attendees", {}, 45, False, "参训人员45人次"),
    ("pd_items_total", {}, 186, False, "通过不同渠道和方式主动公开政府信息共计186条"),
    ("pd_items_by_channel", {"channel": "website"}, 120, False, "通过县政府门户网站公开120条"),
    ("pd_items_by_channel", {"channel": "weixin"}, 40, False, "通过政务微信公开40条"),
    ("pd_items_by_channel", {"channel": "bulletin_board"}, 26, False, "通过镇村政务公开栏公开26条"),
    ("req_received", {}, 2, False, "受理政府信息公开申请2件"),
    ("req_received", {"channel": "in_person"}, 1, False, "当面申请1件"),
    ("req_received", {"channel": "letter"}, 1, False, "信函申请1件"),
    ("req_outcome", {"outcome": "old_granted"}, 1, False, "同意公开1件"),
    ("req_outcome", {"outcome": "old_not_exist"}, 1, False, "信息不存在1件"),
    ("req_fee_collected", {}, 0, False, "我镇未收取任何费用"),
    ("appeal_count", AR, 0, False, "我镇未发生因政府信息公开申请行政复议和提起行政诉讼的情况"),
    ("appeal_count", LA, 0, False, "我镇未发生因政府信息公开申请行政复议和提起行政诉讼的情况"),
]


def test_whole_narrative_report_2016() -> None:
    meta = parse_report(REPORT_2016).meta
    assert (meta.body_name, meta.body_level, meta.report_year, meta.format_code) == ("青山镇", "town", 2016, "N")
    _check(REPORT_2016, REPORT_2016_EXPECTED)


REPORT_2022 = """平安县石桥镇2022年政府信息公开工作年度报告
根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。
一、总体情况
（一）主动公开。2022年，我镇主动公开政府信息356条，其中通过政府网站公开210条，通过“石桥发布”微信公众号发布146条。
（二）依申请公开。全年共收到政府信息公开申请3件，均在法定期限内答复。
（三）政府信息管理。严格落实保密审查制度。
（四）监督保障。全年召开政务公开工作会议2次，开展业务培训1次。
二、主动公开政府信息情况
第二十条第（一）项
|
信息内容
|
本年制发件数
|
本年废止件数
|
现行有效件数
|
规章
|
0
|
0
|
0
|
行政规范性文件
|
2
|
1
|
5
|
第二十条第（五）项
|
信息内容
|
本年处理决定数量
|
行政许可
|
12
|
第二十条第（六）项
|
信息内容
|
本年处理决定数量
|
行政处罚
|
3
|
行政强制
|
0
|
第二十条第（八）项
|
信息内容
|
本年收费金额（单位：万元）
|
行政事业性收费
|
0
|
三、收到和处理政府信息公开申请情况
""" + _t3_text("cell_per_line")[0].split("\n", 1)[1] + """
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0
五、存在的主要问题及改进情况
公开质量有待提高。2023年，我镇将进一步加强培训，计划开展培训3次。
六、其他需要报告的事项
本年度未收取信息处理费。
平安县石桥镇人民政府
2023年1月18日
"""


def test_whole_f21_report_2022() -> None:
    parsed = parse_report(REPORT_2022)
    meta = parsed.meta
    assert (meta.body_name, meta.body_level, meta.county, meta.report_year, meta.format_code) == (
        "石桥镇", "town", "平安县", 2022, "F21")
    got = {(o.indicator_code, o.doc_type_code, o.matter_code, o.outcome_code, o.proceeding_code, o.result_code): o.value
           for o in parsed.observations}
    expected = {
        ("pd_items_total", None, None, None, None, None): 356,
        ("pd_items_by_channel", None, None, None, None, None): None,  # placeholder, removed below
    }
    expected.pop(("pd_items_by_channel", None, None, None, None, None))
    expected.update({
        ("art20_made", "rule", None, None, None, None): 0, ("art20_repealed", "rule", None, None, None, None): 0,
        ("art20_in_force", "rule", None, None, None, None): 0, ("art20_made", "normdoc", None, None, None, None): 2,
        ("art20_repealed", "normdoc", None, None, None, None): 1, ("art20_in_force", "normdoc", None, None, None, None): 5,
        ("art20_decisions", None, "licensing", None, None, None): 12, ("art20_decisions", None, "penalty", None, None, None): 3,
        ("art20_decisions", None, "coercion", None, None, None): 0, ("art20_fee_amount", None, "fees", None, None, None): 0,
        ("meetings", None, None, None, None, None): 2, ("training_sessions", None, None, None, None, None): 1,
        ("info_processing_fee", None, None, None, None, None): 0,
    })
    for _, _, total, key in T3_ROWS:
        if key.startswith("out_"):
            expected[("req_outcome", None, None, key, None, None)] = total
        else:
            expected[(key, None, None, None, None, None)] = total
    for proceeding in ("admin_review", "litigation_direct", "litigation_after_review"):
        for result in ("upheld", "corrected", "other", "pending", "total"):
            expected[("appeal_count", None, None, None, proceeding, result)] = 0
    channels = {o.channel_code: o.value for o in parsed.observations if o.indicator_code == "pd_items_by_channel"}
    assert channels == {"website": 210, "weixin": 146}
    got = {k: v for k, v in got.items() if k[0] != "pd_items_by_channel"}
    # 收到申请3件 (prose) and 本年新收 9 (table 3) state the same key: the table, in its home section, wins
    assert got == expected
    assert any(f.code == "conflict" and f.indicator_code == "req_received" for f in parsed.flags)


T14_BLANKS = """三、依申请公开情况 | — | —
（一）收到申请数 | 件 | 1
1.当面申请数 | 件 |
2.传真申请数 | 件 | 0
（二）申请办结数 | 件 | 1
四、行政复议数量 | 件 | 1
（一）维持具体行政行为数 | 件 | 1
（二）被依法纠错数 | 件 | 0
（三）其他情形数 | 件 | 0
五、行政诉讼数量 | 件 |
（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 0
（二）被依法纠错数 | 件 | 0
（三）其他情形数 | 件 |
六、举报投诉数量 | 件 | 0
八、机构建设和保障经费情况 | — | —
（一）政府信息公开工作专门机构数 | 个 | 1"""


@pytest.mark.parametrize("layout", ["pipe", "cell_per_line"])
def test_t14_blank_cells_and_headers(layout: str) -> None:
    """A blank value cell vanishes: its row gives nothing, and never lends its label to the next."""
    body = T14_BLANKS if layout == "pipe" else T14_BLANKS.replace(" | ", "\n")
    text = report(body, 2016)

    def ev(line: str) -> str:
        return line if layout == "pipe" else line.replace(" | ", "\n")

    _check(text, [
        ("req_received", {}, 1, False, ev("（一）收到申请数 | 件 | 1")),
        ("req_received", {"channel": "fax"}, 0, False, ev("2.传真申请数 | 件 | 0")),
        ("req_concluded", {}, 1, False, ev("（二）申请办结数 | 件 | 1")),
        ("appeal_count", AR, 1, False, ev("四、行政复议数量 | 件 | 1")),
        ("appeal_count", {"proceeding": "admin_review", "result": "upheld"}, 1, False, ev("（一）维持具体行政行为数 | 件 | 1")),
        ("appeal_count", {"proceeding": "admin_review", "result": "corrected"}, 0, False, ev("（二）被依法纠错数 | 件 | 0")),
        ("appeal_count", {"proceeding": "admin_review", "result": "other"}, 0, False, ev("（三）其他情形数 | 件 | 0")),
        ("appeal_count", {"proceeding": "litigation_all", "result": "upheld"}, 0, False,
         ev("（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 0")),
        ("appeal_count", {"proceeding": "litigation_all", "result": "corrected"}, 0, False, ev("（二）被依法纠错数 | 件 | 0")),
        ("appeal_count", CO, 0, False, ev("六、举报投诉数量 | 件 | 0")),
        ("org_dedicated_units", {}, 1, False, ev("（一）政府信息公开工作专门机构数 | 个 | 1")),
    ])


def test_l08_blank_value_leaves_the_code_alone() -> None:
    body = ("指标名称 | 计量单位 | 代码 | 数量\n主动公开信息数 | 条 | 01 | 86\n同意公开答复数 | 条 | 12 |\n"
            "否决公开答复总数 | 条 | 14 | 0\n申请总数 | 条 | 05 | \n")
    text = report(body, 2010)
    _check(text, [
        ("pd_items_total", {}, 86, False, "主动公开信息数 | 条 | 01 | 86"),
        ("req_outcome", {"outcome": "old_denied"}, 0, False, "否决公开答复总数 | 条 | 14 | 0"),
    ])


@pytest.mark.parametrize(("body", "kept"), [
    # the blank row's label is gathered with the next row's: the value is the next row's
    ("1.参加或举办新闻发布会总次数 | 次 |\n其中：主要负责同志参加新闻发布会次数 | 次 | 1", None),
    ("3.政策解读稿件发布数 | 篇 |\n4.微博微信回应事件数 | 次 | 3", None),
    ("（二）申请办结数 | 件 |\n1.按时办结数 | 件 | 2", None),
    ("1.当面申请数 | 件 |\n其中：微信申请数 | 件 | 3", None),
    # a long label broken over two cells is still one row
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的\n经费） | 万元 | 0.3", 3000),
])
def test_t14_value_never_borrowed(body: str, kept: float | None) -> None:
    text = report("收到申请数、申请办结数见下表。\n" + body, 2016)
    observations = parse_report(text).observations
    if kept is None:
        assert observations == [], [(o.indicator_code, o.value) for o in observations]
    else:
        assert [(o.indicator_code, o.value) for o in observations] == [("budget_special", kept)]


def test_page_number_after_a_paragraph_is_no_row() -> None:
    body = ("收到申请数、申请办结数见附表。\n全年共举办各类培训班数次，接受培训人员数较多，"
            "召开政府信息公开工作会议或专题会议数同比持平，各项工作有序推进，取得了较好成效。\n2\n")
    assert parse_report(report(body, 2016)).observations == []


L08_PUTIAN = """附表：政府信息公开工作情况统计表
主动公开信息数 | 条 | 35
当面申请数 | 件 | 1
传真申请数 | 件 | 0
电子邮件申请数 | 件 | 0
网上申请数 | 件 | 2
信函申请数 | 件 | 0
行政复议数 | 件 | 0
行政诉讼数 | 件 | 0
行政申诉数 | 件 | 0"""


def test_l08_detected_from_request_rows() -> None:
    text = report(L08_PUTIAN, 2009)
    assert parse_report(text).meta.format_code == "L08"
    _check(text, [
        ("pd_items_total", {}, 35, False, "主动公开信息数 | 条 | 35"),
        ("req_received", {"channel": "in_person"}, 1, False, "当面申请数 | 件 | 1"),
        ("req_received", {"channel": "fax"}, 0, False, "传真申请数 | 件 | 0"),
        ("req_received", {"channel": "email"}, 0, False, "电子邮件申请数 | 件 | 0"),
        ("req_received", {"channel": "online"}, 2, False, "网上申请数 | 件 | 2"),
        ("req_received", {"channel": "letter"}, 0, False, "信函申请数 | 件 | 0"),
        ("appeal_count", AR, 0, False, "行政复议数 | 件 | 0"),
        ("appeal_count", LA, 0, False, "行政诉讼数 | 件 | 0"),
        ("appeal_count", CO, 0, False, "行政申诉数 | 件 | 0"),
    ])


def test_f21_table3_pipe_rows_with_blank_cells() -> None:
    """Blank cells keep their place in a one-line pipe row: the last cell is still 总计."""
    body = "\n".join([
        "本年制发件数",
        " | ".join(T3_HEADER[1:]),
        "一、本年新收政府信息公开申请数量 | 2 |  |  | 1 |  |  | 3",
        "二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | 0 |",
        "三、本年度办理结果",
        "（一）予以公开 | 2 |  |  |  |  |  |  ",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "（三）不予公开 | 1.属于国家秘密 |  |  |  |  |  | 1 | 1",
    ])
    text = report(body, 2022)
    _check(text, [
        ("req_received", {}, 3, False, "一、本年新收政府信息公开申请数量 | 2 |  |  | 1 |  |  | 3"),
        ("req_carried_over_in", {}, 0, False, "二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | 0"),
        ("req_outcome", {"outcome": "out_partial"}, 0, False,
         "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0"),
        ("req_outcome", {"outcome": "out_denied_state_secret"}, 1, False, "1.属于国家秘密 |  |  |  |  |  | 1 | 1"),
    ])


F19_TABLE2 = """二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 3 | 3 | 12
第二十条第（五）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 5 | +1 | 20
其他对外管理服务事项 | 2 | 0 | 0
第二十条第（六）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 10 | -2 | 35
行政强制 | 1 | 0 | 2
第二十条第（八）项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 3 | 0
第二十条第（九）项
信息内容 | 采购项目数量 | 采购总金额
政府集中采购 | 4 | 56.3万元
三、收到和处理政府信息公开申请情况"""


@pytest.mark.parametrize("layout", ["pipe", "spaces"])
def test_f19_table2_rows(layout: str) -> None:
    body = F19_TABLE2 if layout == "pipe" else F19_TABLE2.replace(" | ", " ")
    parsed = parse_report(report(body, 2020))
    assert parsed.meta.format_code == "F19"
    got = sorted((o.indicator_code, o.doc_type_code or o.matter_code, o.value) for o in parsed.observations)
    assert got == sorted([
        ("art20_made", "rule", 0), ("art20_published_new", "rule", 0), ("art20_public_total", "rule", 0),
        ("art20_made", "normdoc", 3), ("art20_published_new", "normdoc", 3), ("art20_public_total", "normdoc", 12),
        ("art20_items_prev_year", "licensing", 5), ("art20_items_change", "licensing", 1), ("art20_decisions", "licensing", 20),
        ("art20_items_prev_year", "other_mgmt_service", 2), ("art20_items_change", "other_mgmt_service", 0),
        ("art20_decisions", "other_mgmt_service", 0),
        ("art20_items_prev_year", "penalty", 10), ("art20_items_change", "penalty", -2), ("art20_decisions", "penalty", 35),
        ("art20_items_prev_year", "coercion", 1), ("art20_items_change", "coercion", 0), ("art20_decisions", "coercion", 2),
        ("art20_items_prev_year", "fees", 3), ("art20_items_change", "fees", 0),
        ("art20_procurement_projects", "procurement", 4), ("art20_procurement_amount", "procurement", 563000),
    ])
