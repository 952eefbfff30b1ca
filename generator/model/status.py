"""A record's life: its status (stated by a source, or implied by its announcement's stage), whether
it is current or has ended, and its period of validity.

A status is *stated* when the record's own ``status`` cell is filled (from the text of a source) and
*implied* when the cell is blank and the record's announcement is of a stage that implies one (a 公示
implies 拟入选, a formal list or a plaque implies 已批准, …). A record is *ended* when it is revoked or
its period of validity ended before the data date; every other record is current, 公示 ones included.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.register import Announcement, Record

STATUSES = ("nominated", "approved", "building", "accepted", "rectifying", "revoked")
NOMINATED = "nominated"
REVOKED = "revoked"
# What an announcement's stage says about the records it names; report, plan and call say nothing.
IMPLIED_BY_STAGE = {
    "gongshi": NOMINATED,
    "list": "approved",
    "plaque": "approved",
    "acceptance": "accepted",
    "revocation": REVOKED,
}
UNKNOWN_LABEL = "状态未载"
CURRENT = "current"
ENDED = "ended"
SCOPES = ((CURRENT, "现有"), (ENDED, "已结束"))  # the 现有 / 已结束 / 全部 filter; "" is 全部


@dataclass(frozen=True)
class Status:
    code: str  # one of STATUSES, or "" when neither the record nor its announcement says
    label: str  # 拟入选（公示中） …, or 状态未载
    stated: bool  # the record's own cell says so (False: implied by the announcement's stage)
    ended: bool  # revoked, or valid_to before the data date

    @property
    def scope(self) -> str:
        return ENDED if self.ended else CURRENT

    @property
    def css(self) -> str:
        """The badge's modifier class: ``hsp-status--nominated``."""
        return "hsp-status--" + (self.code or "unknown")

    @property
    def basis(self) -> str:
        """Where the status comes from, for the badge's title."""
        if not self.code:
            return "来源没有说明状态"
        return "来源写明" if self.stated else "按所属公告的类型推定"


def implied(announcement: Announcement | None) -> str:
    return IMPLIED_BY_STAGE.get(announcement.stage, "") if announcement else ""


def period_ended(valid_to: str, today: str) -> bool:
    """Whether a period ending ``valid_to`` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) is over on
    ``today`` (YYYY-MM-DD): compared at the precision of ``valid_to``."""
    return bool(valid_to) and valid_to < today[: len(valid_to)]


def status_of(record: Record, announcement: Announcement | None, labels: dict[str, str], today: str) -> Status:
    code = record.status or implied(announcement)
    label = labels.get(code, code) if code else UNKNOWN_LABEL
    ended = code == REVOKED or period_ended(record.valid_to, today)
    return Status(code, label, bool(record.status), ended)


def validity(record: Record) -> str:
    """The period as printed, in Chinese: ``2019-01 至 2021-12``, ``2019 起``, or ""."""
    if record.valid_from and record.valid_to:
        return f"{record.valid_from} 至 {record.valid_to}"
    if record.valid_from:
        return f"{record.valid_from} 起"
    return f"至 {record.valid_to}" if record.valid_to else ""
