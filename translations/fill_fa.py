"""Persian translations of the UI's English source strings, written into app_fa.ts (run by update.sh).

One table, source text -> Persian, with per-context overrides where one English word needs two Persian ones. Office
vocabulary follows ../shared/GLOSSARY.md (cartable کارتابل، referral ارجاع، renovation code کد نوسازی ...). Sources that
are already Persian (some areas wrote Persian into tr()) are kept as they are.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FA: dict[str, str] = {
    # application and main window
    "E-city counter": "میز خدمت دفتر شهر الکترونیک",
    "&File": "&پرونده",
    "&Search cases…": "&جست‌وجوی پرونده‌ها…",
    "&Quit": "&خروج",
    "&Help": "&راهنما",
    "Show &log": "نمایش &گزارش برنامه",
    "&About": "&درباره",
    "About": "درباره",
    "User: %1": "کاربر: %1",
    "Workstation %1": "ایستگاه کاری %1",
    "Local only": "فقط محلی",
    "This workstation is not connected to the central server yet.": "این ایستگاه هنوز به سرور مرکزی متصل نیست.",
    "No case with tracking number %1": "پرونده‌ای با کد رهگیری %1 پیدا نشد",
    "E-city counter, version %1": "میز خدمت دفتر شهر الکترونیک، نسخه %1",
    "Program log": "گزارش کار برنامه",
    "Logging is not configured.": "ثبت گزارش برنامه راه‌اندازی نشده است.",
    # login
    "Sign in": "ورود",
    "E-city services office": "دفتر خدمات الکترونیک شهر",
    "Counter desktop — sign in with your user name": "میز خدمت — با نام کاربری خود وارد شوید",
    "User name:": "نام کاربری:",
    "Password:": "گذرواژه:",
    "Enter your user name and password.": "نام کاربری و گذرواژه را وارد کنید.",
    # unit tabs
    "Formation": "تشکیل پرونده",
    "Inspection": "بازدید",
    "Violation review": "بررسی خلاف",
    "Plan approval": "تایید نقشه",
    "Certificates": "پیش‌نویس گواهی",
    "Permit drafts": "پیش‌نویس پروانه",
    "Renovation and waste": "نوسازی و پسماند",
    "Follow-up": "نظارت و پیگیری",
    "Liaisons": "رابطین شهرداری",
    "Consultation": "مشاوره",
    "Vehicle charges": "عوارض خودرو",
    "Technical manager": "مدیر فنی",
    "Audit": "بازرسی",
    "Archive": "بایگانی و اسکن",
    "Administration": "مدیریت سامانه",
    "Cartable": "کارتابل",
    "New case": "تشکیل پرونده جدید",
    # cartable
    "Tracking number": "کد رهگیری",
    "Service": "خدمت",
    "Applicant": "متقاضی",
    "Stage": "مرحله",
    "Assignee": "کارشناس مسئول",
    "Opened": "تاریخ تشکیل",
    "Due": "مهلت",
    "Days left": "روز مانده",
    "Overdue": "از مهلت گذشته",
    "%1 days late": "%1 روز تأخیر",
    "Filter: tracking number, name, service, stage…": "صافی: کد رهگیری، نام، خدمت، مرحله…",
    "Refresh": "بازخوانی",
    "Reload the cartable (F5)": "بازخوانی کارتابل (F5)",
    "Filter:": "صافی:",
    "%1 cases": "%1 پرونده",
    "%1 of %2 cases": "%1 از %2 پرونده",
    "%1 overdue": "%1 پرونده از مهلت گذشته",
    # case view
    "Case file": "پرونده",
    "Case file %1": "پرونده %1",
    "Summary": "خلاصه",
    "Unit": "واحد",
    "Property": "ملک",
    "Documents": "مدارک",
    "Route history": "گردش پرونده",
    "Time": "زمان",
    "Action": "اقدام",
    "To stage": "به مرحله",
    "By": "توسط",
    "Note": "توضیح",
    "Actions": "اقدام‌ها",
    "No action of yours is possible at this stage.": "در این مرحله اقدامی از سوی شما ممکن نیست.",
    "Close": "بستن",
    "Name": "نام",
    "Legal entity ID": "شناسه ملی",
    "National ID": "کد ملی",
    "Father's name": "نام پدر",
    "Mobile": "تلفن همراه",
    "Address": "نشانی",
    "none": "ندارد",
    "Renovation code": "کد نوسازی",
    "Registry plate": "پلاک ثبتی",
    "Postal code": "کد پستی",
    "Deed area": "مساحت طبق سند",
    "%1 m²": "%1 متر مربع",
    "scanned": "اسکن شده",
    "Missing: %1": "کسری: %1",
    "Note for «%1»:": "توضیح برای «%1»:",
    "Write the note first.": "ابتدا توضیح را بنویسید.",
    "Refer to:": "ارجاع به:",
    "Note:": "توضیح:",
    # search
    "Search cases": "جست‌وجوی پرونده‌ها",
    "Tracking number, national ID, name, mobile, registry plate or renovation code": "کد رهگیری، کد ملی، نام، تلفن همراه، پلاک ثبتی یا کد نوسازی",
    "Found by": "یافته با",
    "tracking number": "کد رهگیری",
    "national ID": "کد ملی",
    "legal entity ID": "شناسه ملی",
    "name": "نام",
    "mobile": "تلفن همراه",
    "registry plate": "پلاک ثبتی",
    "renovation code": "کد نوسازی",
    "Searching…": "در حال جست‌وجو…",
    "%1 found": "%1 پرونده پیدا شد",
    # intake
    "1. Applicant": "۱. متقاضی",
    "National ID (10 digits) or legal entity ID (11 digits); Enter looks it up": "کد ملی (۱۰ رقم) یا شناسه ملی شرکت (۱۱ رقم)؛ با Enter جست‌وجو می‌شود",
    "National ID:": "کد ملی / شناسه ملی:",
    "Not registered yet: fill in and press Enter to register.": "هنوز ثبت نشده است: تکمیل کنید و برای ثبت Enter بزنید.",
    "First name:": "نام:",
    "Last name:": "نام خانوادگی:",
    "Father's name:": "نام پدر:",
    "Company name:": "نام شرکت:",
    "Mobile:": "تلفن همراه:",
    "Postal code:": "کد پستی:",
    "Address:": "نشانی:",
    "2. Property": "۲. ملک",
    "district-precinct-block-parcel-building-apartment-shop; Enter looks it up": "منطقه-حوزه-بلوک-ملک-ساختمان-آپارتمان-صنفی؛ با Enter جست‌وجو می‌شود",
    "Renovation code:": "کد نوسازی:",
    "Registry section:": "بخش ثبتی:",
    "Main plate:": "پلاک اصلی:",
    "Sub plate:": "پلاک فرعی:",
    "Deed area (m²):": "مساحت طبق سند (متر مربع):",
    "3. Service": "۳. خدمت",
    "4. Documents received": "۴. مدارک دریافت‌شده",
    "All received": "همه دریافت شد",
    "(if applicable)": "(در صورت لزوم)",
    "All required documents received.": "همه مدارک لازم دریافت شده است.",
    "5. Inspection visit": "۵. وقت بازدید",
    "Free visits:": "ظرفیت آزاد:",
    "Inspector:": "مامور بازدید:",
    "No visits on %1": "در %1 بازدیدی انجام نمی‌شود",
    "%1 free on %2": "%1 وقت آزاد در %2",
    "Any inspector (least busy)": "هر مامور بازدید (کم‌کارترین)",
    "%1 (%2 free)": "%1 (%2 وقت آزاد)",
    "Open case (Ctrl+Enter)": "تشکیل پرونده (Ctrl+Enter)",
    "Case opened. Tracking number:": "پرونده تشکیل شد. کد رهگیری:",
    "Open the case file": "باز کردن پرونده",
    "New case (F2)": "پرونده جدید (F2)",
    "Inspection visit on %1": "بازدید در %1",
    "The case waits at the counter for: %1": "پرونده در انتظار تکمیل مدارک در میز تشکیل: %1",
    # print preview (app/ui/print)
    "Print preview": "پیش‌نمایش چاپ",
    "Print…": "چاپ…",
    "Save as PDF…": "ذخیره به صورت PDF…",
    "Zoom in": "بزرگ‌نمایی",
    "Zoom out": "کوچک‌نمایی",
    "Fit width": "هم‌عرض پنجره",
    "Save as PDF": "ذخیره به صورت PDF",
    "PDF (*.pdf)": "PDF (*.pdf)",
    "The file could not be saved.": "پرونده ذخیره نشد.",
    "Print": "چاپ",
    "The printer could not be started.": "چاپگر راه‌اندازی نشد.",
    # messages
    "A national ID has 10 digits.": "کد ملی ۱۰ رقم است.",
    "This national ID is not valid (check digit). Check it against the card.": "کد ملی نامعتبر است (رقم کنترل نادرست). آن را با کارت مقایسه کنید.",
    "Enter the national ID.": "کد ملی را وارد کنید.",
    "A legal entity's national ID has 11 digits.": "شناسه ملی اشخاص حقوقی ۱۱ رقم است.",
    "This legal entity ID is not valid (check digit).": "شناسه ملی نامعتبر است (رقم کنترل نادرست).",
    "A postal code has 10 digits.": "کد پستی ۱۰ رقم است.",
    "Unusual postal code; check it (it is accepted).": "کد پستی غیرمعمول است؛ دوباره بررسی کنید (پذیرفته می‌شود).",
    "Enter a mobile number like 09121234567.": "شماره همراه را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.",
    "Registry section and main plate are whole numbers; the sub plate may be empty.": "بخش ثبتی و پلاک اصلی عدد صحیح هستند؛ پلاک فرعی می‌تواند خالی بماند.",
    "A renovation code has 7 parts: district-precinct-block-parcel-building-apartment-shop.": "کد نوسازی ۷ بخش دارد: منطقه-حوزه-بلوک-ملک-ساختمان-آپارتمان-صنفی.",
    "The district (first part of the renovation code) is between 1 and 22.": "منطقه (بخش نخست کد نوسازی) باید بین ۱ تا ۲۲ باشد.",
    "Not a valid tracking number (16 digits with a check digit): a digit was mistyped.": "کد رهگیری نامعتبر است (۱۶ رقم با رقم کنترل)؛ رقمی اشتباه وارد شده است.",
    "The office code has 4 digits.": "کد دفتر ۴ رقم است.",
    "The workstation number is between 1 and 999.": "شماره ایستگاه کاری باید بین ۱ تا ۹۹۹ باشد.",
    "This workstation has used all its tracking numbers for this year.": "کدهای رهگیری امسال این ایستگاه تمام شده است.",
    "Invalid year.": "سال نامعتبر است.",
    "Write the date like 1403/12/30.": "تاریخ را مانند ۱۴۰۳/۱۲/۳۰ بنویسید.",
    "There is no such day in the calendar.": "چنین روزی در تقویم وجود ندارد.",
    "The date is out of range.": "تاریخ خارج از محدوده است.",
    "That day is a holiday.": "آن روز تعطیل است.",
    "The day has already passed.": "آن روز گذشته است.",
    "Enter the amount in digits.": "مبلغ را با رقم وارد کنید.",
    "The amount is too large.": "مبلغ بیش از حد بزرگ است.",
    "The amount cannot be negative.": "مبلغ نمی‌تواند منفی باشد.",
    "The bill ID's check digit is wrong.": "رقم کنترل شناسه قبض نادرست است.",
    "The bill ID's company code is wrong.": "کد شرکت در شناسه قبض نادرست است.",
    "The bill ID's file code is wrong.": "کد پرونده در شناسه قبض نادرست است.",
    "The bill ID is not for municipal charges.": "این شناسه قبض مربوط به عوارض شهرداری نیست.",
    "The payment ID does not match the amount.": "شناسه پرداخت با مبلغ همخوانی ندارد.",
    "The payment ID is not valid.": "شناسه پرداخت نامعتبر است.",
    "The payment ID's period is wrong.": "دوره در شناسه پرداخت نادرست است.",
    "The payment ID's year is wrong.": "سال در شناسه پرداخت نادرست است.",
    "Unknown payment ID scheme.": "الگوی شناسه پرداخت شناخته‌شده نیست.",
    "This computer's clock is far ahead of the server. Ask the technical manager to correct it.": "ساعت این رایانه از ساعت سرور بسیار جلوتر است. از مسئول فنی بخواهید آن را درست کند.",
    "A sync clock value is damaged.": "مقدار ساعت همگام‌سازی خراب است.",
    "Enter the first and last name.": "نام و نام خانوادگی را وارد کنید.",
    "Enter the company name.": "نام شرکت را وارد کنید.",
    "This person is already registered.": "این شخص پیش‌تر ثبت شده است.",
    "No person with this ID is registered.": "شخصی با این شناسه ثبت نشده است.",
    "Choose natural or legal person.": "حقیقی یا حقوقی بودن شخص را انتخاب کنید.",
    "A property with this renovation code is already registered.": "ملکی با این کد نوسازی پیش‌تر ثبت شده است.",
    "No property with this renovation code is registered.": "ملکی با این کد نوسازی ثبت نشده است.",
    "This service needs a property.": "این خدمت به ملک نیاز دارد.",
    "The deed area is a positive number of square metres.": "مساحت سند عددی مثبت به متر مربع است.",
    "This field is required.": "تکمیل این خانه الزامی است.",
    "Enter the address.": "نشانی را وارد کنید.",
    "A person with this national ID is already registered.": "شخصی با این کد ملی پیش‌تر ثبت شده است.",
    "A legal entity with this ID is already registered.": "شخص حقوقی با این شناسه ملی پیش‌تر ثبت شده است.",
    "Enter the legal entity's national ID.": "شناسه ملی شخص حقوقی را وارد کنید.",
    "Enter the first name.": "نام را وارد کنید.",
    "Enter the last name.": "نام خانوادگی را وارد کنید.",
    "A name has no digits.": "نام نباید رقم داشته باشد.",
    "The birth date cannot be in the future.": "تاریخ تولد نمی‌تواند در آینده باشد.",
    "Enter the phone number in digits.": "شماره تلفن را با رقم وارد کنید.",
    "Someone else changed this person's record meanwhile; reopen it.": "اطلاعات این شخص در این فاصله توسط کاربر دیگری تغییر کرده است؛ دوباره باز کنید.",
    "Unknown service.": "خدمت ناشناخته است.",
    "Choose a service.": "خدمت را انتخاب کنید.",
    "This service is not opened at this counter.": "این خدمت در این میز تشکیل نمی‌شود.",
    "Unknown document type.": "نوع مدرک ناشناخته است.",
    "Find or register the applicant first.": "ابتدا متقاضی را پیدا یا ثبت کنید.",
    "Find or register the property first.": "ابتدا ملک را پیدا یا ثبت کنید.",
    "Your role does not open cases for this service.": "نقش شما اجازه تشکیل پرونده برای این خدمت را نمی‌دهد.",
    "Choose the inspection day.": "روز بازدید را انتخاب کنید.",
    "Too many wrong attempts: the account is locked for {minutes_left} more minutes.": "تلاش‌های نادرست زیاد بود: حساب تا {minutes_left} دقیقه دیگر قفل است.",
    "The inspector has no free visit on that day; choose another day.": "مامور بازدید در آن روز وقت آزاد ندارد؛ روز دیگری انتخاب کنید.",
    "Required documents are missing.": "مدارک لازم کامل نیست.",
    "No visits on holidays; choose a working day.": "در روزهای تعطیل بازدید انجام نمی‌شود؛ روز کاری انتخاب کنید.",
    "The visit day has passed; choose a later day.": "روز بازدید گذشته است؛ روز دیرتری انتخاب کنید.",
    "The inspector is on leave that day.": "مامور بازدید در آن روز مرخصی است.",
    "No inspector has a free visit on that day; choose another day.": "هیچ مامور بازدیدی در آن روز وقت آزاد ندارد؛ روز دیگری انتخاب کنید.",
    "That day has passed; choose a later day.": "آن روز گذشته است؛ روز دیرتری انتخاب کنید.",
    "The chosen person is not an inspector.": "شخص انتخاب‌شده مامور بازدید نیست.",
    "You do not work in this unit.": "شما در این واحد کار نمی‌کنید.",
    "You are not allowed to change this case.": "شما اجازه تغییر این پرونده را ندارید.",
    "The chosen colleague is not a user of this unit.": "همکار انتخاب‌شده کاربر این واحد نیست.",
    "Unknown case fact.": "مشخصه پرونده ناشناخته است.",
    "No case with this tracking number was found.": "پرونده‌ای با این کد رهگیری پیدا نشد.",
    "Someone else changed this case meanwhile. It has been reloaded; check it and try again.": "این پرونده در این فاصله توسط کاربر دیگری تغییر کرد. دوباره بارگذاری شد؛ بررسی کنید و دوباره تلاش کنید.",
    "Unknown workflow.": "گردش کار ناشناخته است.",
    "Unknown action.": "اقدام ناشناخته است.",
    "The case is in an unknown state.": "پرونده در وضعیت ناشناخته‌ای است.",
    "The action belongs to another workflow.": "این اقدام به گردش کار دیگری تعلق دارد.",
    "This action is not possible at this stage of the case.": "این اقدام در این مرحله از پرونده ممکن نیست.",
    "Your role does not allow this action.": "نقش شما اجازه این اقدام را نمی‌دهد.",
    "Not yet possible; still missing: {missing}": "هنوز ممکن نیست؛ کسری: {missing}",
    "Write a note for this action.": "برای این اقدام توضیح بنویسید.",
    "Choose the colleague to refer the case to.": "همکاری را که پرونده به او ارجاع می‌شود انتخاب کنید.",
    "This colleague cannot take the case.": "این همکار نمی‌تواند پرونده را بپذیرد.",
    "Wrong user name or password.": "نام کاربری یا گذرواژه نادرست است.",
    "This account is disabled. Ask the administrator.": "این حساب غیرفعال است. به مدیر سامانه مراجعه کنید.",
    "This account has no role in any unit. Ask the administrator.": "این حساب در هیچ واحدی نقشی ندارد. به مدیر سامانه مراجعه کنید.",
    "You are not allowed to do this.": "شما اجازه این کار را ندارید.",
    "No such user.": "چنین کاربری وجود ندارد.",
    "A user name has Latin letters, digits, dots, dashes or underscores.": "نام کاربری از حروف لاتین، رقم، نقطه، خط تیره یا زیرخط تشکیل می‌شود.",
    "This user name is taken.": "این نام کاربری پیش‌تر گرفته شده است.",
    "Enter the full name.": "نام کامل را وارد کنید.",
    "Choose at least one valid role.": "دست‌کم یک نقش معتبر انتخاب کنید.",
    "The daily capacity is zero or more visits.": "ظرفیت روزانه باید صفر یا بیشتر باشد.",
    "The password must be at least {min_length} characters.": "گذرواژه باید دست‌کم {min_length} نویسه باشد.",
    "The current password is wrong.": "گذرواژه فعلی نادرست است.",
    "You cannot disable your own account.": "نمی‌توانید حساب خودتان را غیرفعال کنید.",
    "You cannot remove your own administrator role.": "نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید.",
    "No such leave entry.": "چنین مرخصی‌ای ثبت نشده است.",
    "Only the audit unit may read the audit trail.": "فقط واحد بازرسی می‌تواند سوابق بازرسی را ببیند.",
    "Unknown role.": "نقش ناشناخته است.",
    "Unknown unit.": "واحد ناشناخته است.",
    "Type at least 3 characters to search.": "برای جست‌وجو دست‌کم ۳ نویسه وارد کنید.",
    "The audit chain is broken at entry {seq}.": "زنجیره سوابق بازرسی در ردیف {seq} گسسته است.",
    "The database is busy; try again in a moment.": "پایگاه داده مشغول است؛ لحظه‌ای بعد دوباره تلاش کنید.",
    "The database refused the change (a duplicate or a missing record).": "پایگاه داده تغییر را نپذیرفت (رکورد تکراری یا ناموجود).",
    "Unexpected error; it has been written to the log. Details: {detail}": "خطای پیش‌بینی‌نشده؛ در گزارش برنامه ثبت شد. جزئیات: {detail}",
    "This action is not possible now.": "این اقدام اکنون ممکن نیست.",
    "Login failed.": "ورود ناموفق بود.",
    "The case could not be opened.": "پرونده تشکیل نشد.",
    "Synchronisation with the server failed; work continues locally.": "همگام‌سازی با سرور ناموفق بود؛ کار به‌صورت محلی ادامه می‌یابد.",
    "Printing failed.": "چاپ ناموفق بود.",
    "The scanner reported an error.": "اسکنر خطا گزارش کرد.",
    "The map reported an error.": "نقشه خطا گزارش کرد.",
    "The operation failed ({code}).": "عملیات ناموفق بود ({code}).",
    "open violations settled": "رفع خلاف‌های باز",
    "fees paid": "پرداخت هزینه‌ها",
    "the sketch": "رسم کروکی",
    "the aerial map": "نقشه هوایی ۱:۲۰۰۰",
    "locating the property": "جانمایی ملک",
    "scanned documents": "اسکن مدارک",
    "the supervisor's final report": "گزارش نهایی مهندس ناظر",
    "answers to the inquiries": "پاسخ استعلام‌ها",
    "the checklist": "تکمیل چک‌لیست",
    "the building technical ID": "شناسنامه فنی ساختمان",
    "green-space department's answer": "پاسخ استعلام فضای سبز",
    "fire department's answer": "پاسخ استعلام آتش‌نشانی",
}

# Where one English word needs another Persian word in a given place.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("CaseView", "Opened"): "تشکیل",
    ("CaseView", "Due"): "مهلت",
    ("CaseView", "Assignee"): "کارشناس مسئول",
}

NUMERUS: dict[str, list[str]] = {"%n page(s)": ["%n صفحه"]}

# Each area keeps its own table in translations/fa/<area>.json (source -> Persian), so that people working on
# different tabs never edit the same file; the tables above win where both name a source.
for _table in sorted((Path(__file__).resolve().parent / "fa").glob("*.json")):
    for _source, _text in json.loads(_table.read_text(encoding="utf-8")).items():
        FA.setdefault(_source, _text)

_PERSIAN = re.compile("[\u0600-\u06ff]")


def fill(ts_path: Path) -> list[str]:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    root.set("language", "fa_IR")
    missing: list[str] = []
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if message.get("numerus") == "yes":
                forms = NUMERUS.get(source)
                if forms is None:
                    missing.append(f"{name}: {source}")
                    continue
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
                translation.attrib.pop("type", None)
                continue
            text = BY_CONTEXT.get((name, source)) or FA.get(source)
            if text is None and _PERSIAN.search(source):
                text = source  # already Persian in the source
            if text is None:
                if translation.text and translation.get("type") != "unfinished":
                    continue  # translated by hand in the .ts
                missing.append(f"{name}: {source}")
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with ts_path.open("r+", encoding="utf-8") as handle:  # lupdate's DOCTYPE line, which ElementTree drops
        body = handle.read()
        if "<!DOCTYPE TS>" not in body:
            body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            handle.seek(0)
            handle.write(body)
            handle.truncate()
    return missing


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("app_fa.ts")
    left = fill(path)
    for line in left:
        print("untranslated:", line, file=sys.stderr)
    sys.exit(1 if left else 0)
