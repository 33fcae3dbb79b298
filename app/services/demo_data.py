"""Data for the demo workstation: common Persian names, streets of District 1, generators of valid identifiers."""

from __future__ import annotations

import random

FIRST_NAMES_MALE = (
    "علی", "محمد", "حسین", "حسن", "رضا", "مهدی", "امیر", "محمدرضا", "سعید", "مجید", "حمید", "جواد", "احمد",
    "مصطفی", "مرتضی", "عباس", "ابوالفضل", "بهروز", "فرهاد", "کامران", "پرویز", "داریوش", "سیاوش", "بهرام",
    "کیوان", "امید", "نیما", "آرش", "بابک", "پویا", "سینا", "میلاد", "یاسر", "هادی", "ناصر", "منصور",
)  # fmt: skip
FIRST_NAMES_FEMALE = (
    "فاطمه", "زهرا", "مریم", "معصومه", "سمیه", "نرگس", "لیلا", "مینا", "شیرین", "پریسا", "الهام", "سارا",
    "نازنین", "مهسا", "نسرین", "فرشته", "آزاده", "طاهره", "شهناز", "پروین", "منیژه", "رویا", "هانیه", "ژیلا",
)  # fmt: skip
LAST_NAMES = (
    "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "هاشمی", "جعفری", "قاسمی", "رحیمی", "صادقی",
    "حیدری", "عباسی", "کاظمی", "نوری", "مرادی", "شریفی", "طاهری", "اکبری", "یزدانی", "تهرانی", "شیرازی",
    "اصفهانی", "قربانی", "ابراهیمی", "سلطانی", "فرهادی", "کرمانی", "نجفی", "میرزایی", "زمانی", "باقری",
    "رستمی", "صفری", "خسروی", "بهرامی", "افشار", "دلاوری", "نیک‌نام", "پاک‌نژاد", "علی‌پور", "حسن‌زاده",
)  # fmt: skip
COMPANIES = (
    "شرکت ساختمانی آسمان‌خراش البرز", "شرکت انبوه‌سازان شمیران", "مهندسین مشاور نقش جهان",
    "شرکت عمران و توسعه دماوند", "تعاونی مسکن کارکنان فرهنگی", "شرکت سازه‌گستر تجریش",
)  # fmt: skip
STREETS = (
    "تجریش، خیابان فناخسرو", "نیاوران، خیابان باهنر", "زعفرانیه، خیابان مقدس اردبیلی", "الهیه، خیابان فرشته",
    "قیطریه، خیابان صدر", "دروس، خیابان شهید کمالی", "ولنجک، خیابان نهم", "چیذر، خیابان حسینیه",
    "دزاشیب، خیابان شهید فلاحی", "اقدسیه، بلوار ارتش", "جماران، خیابان شهید پورابتهاج", "کامرانیه، کوچه گلستان",
)  # fmt: skip
ZONES = ("R111", "R112", "R121", "R122", "M111", "S112", "G111")
NOTES = (
    "مدارک بررسی شد.", "با مالک تماس گرفته شد.", "طبق دستور رئیس واحد.", "کسری: اصل سند مالکیت ارائه نشده است.",
    "پیگیری شود.", "نظر کارشناس ثبت شد.", "مطابق ضوابط طرح تفصیلی.", "متقاضی در محل حضور نداشت.",
)  # fmt: skip


def national_id(rng: random.Random) -> str:
    """A valid national ID (check digit per the published rule), never all one digit."""
    while True:
        body = [rng.randrange(10) for _ in range(9)]
        r = sum(d * (10 - i) for i, d in enumerate(body)) % 11
        check = r if r < 2 else 11 - r
        digits = "".join(map(str, body)) + str(check)
        if len(set(digits)) > 1:
            return digits


def legal_id(rng: random.Random) -> str:
    weights = (29, 27, 23, 19, 17)
    while True:
        body = [1, 0, rng.randrange(10)] + [rng.randrange(10) for _ in range(7)]
        if sum(body[3:9]) == 0:
            continue
        k = body[9] + 2
        r = sum((k + d) * weights[i % 5] for i, d in enumerate(body)) % 11
        return "".join(map(str, body)) + str(0 if r == 10 else r)


def mobile(rng: random.Random) -> str:
    return rng.choice(("0912", "0935", "0919", "0901", "0937", "0910")) + f"{rng.randrange(10**7):07d}"


def postal_code(rng: random.Random) -> str:
    """Ten digits that also pass the stricter community pattern (no warning shown)."""
    first = "13456789"
    fifth = "1346789"
    rest = "013456789"
    while True:
        code = "".join(rng.choice(first) for _ in range(4)) + rng.choice(fifth)
        code += "".join(rng.choice(rest) for _ in range(5))
        if len(set(code[:4])) > 1:
            return code
