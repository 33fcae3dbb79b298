"""Printed paper: every print and reprint of a document, and the certificates the office has approved and issued.

``print_record`` counts prints per document (a reprint is marked «المثنی» with its count); ``issued_certificate``
holds each certificate's frozen printed facts (so a reprint gives the same signed payload) and its revocation, which
the offline verifier reads as the office's revocation list. Neither has a foreign key to ``case_file``: sync may
bring a row before its case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class PrintRecord(SyncMixin, Base):
    """One print (or save as PDF) of one document of a case; immutable once written."""

    __tablename__ = "print_record"

    case_id: Mapped[str] = mapped_column(String(36))
    document: Mapped[str] = mapped_column(String(30))  # receipt | payment_slip | certificate | ...
    document_key: Mapped[str] = mapped_column(String(80))  # which one: the case, the slip's payments, the serial
    copy_number: Mapped[int] = mapped_column(Integer, default=0)  # 0 = the original, n = the n-th reprint
    paper: Mapped[str] = mapped_column(String(20), default="")
    target: Mapped[str] = mapped_column(String(20), default="printer")  # printer | pdf
    printer: Mapped[str] = mapped_column(String(200), default="")
    printed_at: Mapped[dt.datetime] = mapped_column()
    user_id: Mapped[str] = mapped_column(String(36), default="")
    user_name: Mapped[str] = mapped_column(String(120), default="")
    workstation_no: Mapped[int] = mapped_column(Integer, default=0)
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_print_record_document", "case_id", "document", "document_key"),)


class IssuedCertificate(SyncMixin, Base):
    """A certificate from the head's approval on: approved → printed → issued, and perhaps revoked."""

    __tablename__ = "issued_certificate"

    case_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # no_violation | completion | no_objection
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    tracking_number: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(12), default="approved")  # approved | printed | issued | revoked
    # The printed facts, frozen at approval: a reprint hashes and signs exactly the same data.
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    payload: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[dt.datetime] = mapped_column()
    approved_by: Mapped[str] = mapped_column(String(120), default="")
    issued_at: Mapped[dt.datetime | None] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    revoked_by: Mapped[str] = mapped_column(String(120), default="")
    revoke_reason: Mapped[str] = mapped_column(Text, default="")


class SigningKey(SyncMixin, Base):
    """A workstation's public certificate-signing key, so every workstation and the server trust the office's keys.

    The row id is the key id (eight hex digits of the key's SHA-256, as in the payload's ``i``). Created by the
    workstation that made the key (``PrintService.signing_key``), pushed, and pulled by every workstation; immutable
    once on the server. Who trusts which row is the trust rule in docs/printing.md ("One trust list").
    """

    __tablename__ = "signing_key"

    public_key: Mapped[str] = mapped_column(String(64))  # the raw Ed25519 public key, base64url without padding
    workstation_no: Mapped[int] = mapped_column(Integer, default=0)
    office_code: Mapped[str] = mapped_column(String(20), default="")
    registered_at: Mapped[dt.datetime] = mapped_column()
