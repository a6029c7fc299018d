"""Words of the reports, shared by the prose rules: channels, request outcomes, appeals."""
from __future__ import annotations

import re

# Channel words, longest first inside each code; the order of codes matters only where one word
# contains another (新闻网 before any 网 word, 新闻发布会 before 发布).
CHANNEL_WORDS: list[tuple[str, str]] = [
    ("press_conference", "新闻发布会"),
    ("mass_media", "新闻网|新闻媒体|报纸|报刊|电视台|电视|广播|杂志"),
    ("gazette", "政府公报|公报"),
    ("weixin", "微信公众号|微信公众平台|政务微信|官方微信|微信|公众号"),
    ("weibo", "政务微博|官方微博|微博"),
    ("new_media_other", "政务新媒体|新媒体|抖音号|抖音|今日头条|头条号|快手|客户端|视频号|美篇"),
    ("bulletin_board", "政务公开栏|村务公开栏|公开栏|公示栏|宣传栏|公告栏|板报|揭示板"),
    ("e_screen", "电子显示屏|电子屏幕|电子屏|LED屏|显示屏"),
    ("website", "门户网站|政府网站|政务网站|网站|信息公开网|政务公开网|公开网|信息网|信息公开专栏|政务公开专栏|公开专栏|网上|线上|互联网"),
    ("other", "其他方式|其它方式|其他渠道|其它渠道|其他形式"),
]
CHANNEL_RE = re.compile("|".join(f"(?P<{code}>{words})" for code, words in CHANNEL_WORDS))
PUBLISH_VERB = re.compile(r"公开|发布|推送|发送|公布|上传|刊发|刊登|张贴|更新|播出|推出")
PARENTHETICAL = re.compile(r"\([^)]*\)|“[^”]*”")

# Request channels, as patterns over the prose context (``#`` stands for the number).
REQUEST_CHANNELS = [
    ("in_person", re.compile(r"(?:当面|现场)(?:申请|受理|提交|提出)[^#]{0,3}#$")),
    ("online", re.compile(r"(?:网上|网络|在线|网站)(?:申请|受理|提交|提出)[^#]{0,3}#$")),
    ("letter", re.compile(r"信函(?:申请|受理|方式)?[^#]{0,3}#$")),
    ("fax", re.compile(r"传真(?:申请|受理|方式)?[^#]{0,3}#$")),
    ("email", re.compile(r"电子邮件(?:申请|受理|方式)?[^#]{0,3}#$")),
]

# Outcome words, longest first: (word, code in R07 reports, code in R19 reports). The codes differ
# only for wording both regimes use (部分公开, 不予公开).
OUTCOME_WORDS: list[tuple[str, str, str]] = [
    ("同意部分公开", "old_partial", "old_partial"),
    ("部分公开", "old_partial", "out_partial"),
    ("不同意公开", "old_denied", "old_denied"),
    ("否决公开", "old_denied", "old_denied"),
    ("同意公开", "old_granted", "old_granted"),
    ("予以公开", "out_granted", "out_granted"),
    ("不予公开", "old_denied", "out_denied"),
    ("属于已主动公开", "old_already_public", "old_already_public"),
    ("已主动公开", "old_already_public", "old_already_public"),
    ("信息不存在", "old_not_exist", "old_not_exist"),
    # reasons of a denial (T14 其中 rows, 2019 table 3 rows) written in sentences
    ("涉及国家秘密", "old_denied_state_secret", "old_denied_state_secret"),
    ("涉及商业秘密", "old_denied_trade_secret", "old_denied_trade_secret"),
    ("涉及个人隐私", "old_denied_privacy", "old_denied_privacy"),
    ("不是《条例》所指政府信息", "old_denied_not_gov_info", "old_denied_not_gov_info"),
    ("属于国家秘密", "out_denied_state_secret", "out_denied_state_secret"),
    ("保护第三方合法权益", "out_denied_third_party", "out_denied_third_party"),
    ("属于三类内部事务信息", "out_denied_internal_affairs", "out_denied_internal_affairs"),
    ("属于四类过程性信息", "out_denied_process_info", "out_denied_process_info"),
    ("属于行政执法案卷", "out_denied_enforcement_file", "out_denied_enforcement_file"),
    ("属于行政查询事项", "out_denied_admin_query", "out_denied_admin_query"),
    ("没有现成信息需要另行制作", "out_unable_needs_creation", "out_unable_needs_creation"),
    ("补正后申请内容仍不明确", "out_unable_unclear", "out_unable_unclear"),
    ("信访举报投诉类申请", "out_notproc_petition", "out_notproc_petition"),
    ("重复申请", "out_notproc_repeat", "out_notproc_repeat"),
    ("要求提供公开出版物", "out_notproc_publication", "out_notproc_publication"),
    ("本机关不掌握", "out_unable_not_held", "out_unable_not_held"),
    ("非本机关", "old_not_this_agency", "old_not_this_agency"),
    ("不属于本(?:行政)?机关", "old_not_this_agency", "old_not_this_agency"),
    ("申请内容不明确", "old_told_amend", "old_told_amend"),
    ("告知作出更改补充", "old_told_amend", "old_told_amend"),
    ("告知通过其他途径", "old_told_other_route", "old_told_other_route"),
    ("无法提供", "out_unable", "out_unable"),
    ("不予处理", "out_notproc", "out_notproc"),
    ("其他处理", "out_other", "out_other"),
]
OUTCOME_RE = re.compile("|".join(f"({w})" for w, _, _ in OUTCOME_WORDS))
OUTCOME_TAIL = re.compile(
    r"^(?:相关)?(?:政府信息|信息)?[”\"]?(?:公开)?(?:范围)?(?:的|答复|决定)?(?:数量|数|件数)?(?:为|有|的有|是)?:?$"
)

APPEAL_WORDS = re.compile(
    r"(?P<litigation_direct>未经复议直接起诉)|(?P<litigation_after_review>复议后起诉)"
    r"|(?P<admin_review>(?:行政)?复议)|(?P<litigation_all>(?:行政)?诉讼)|(?P<complaint>申诉|申述|投诉|举报)"
)

# Consultations, mailboxes and hotlines: not requests, nor disclosure complaints.
CONSULTATION = re.compile(r"咨询|信箱|留言|来电|热线|投诉件")
