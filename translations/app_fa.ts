<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
    <context>
        <name>AdminTab</name>
        <message>
            <location filename="../app/ui/units/admin/__init__.py" line="+13" />
            <source>Administration</source>
            <translation>مدیریت سامانه</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../app/ui/qt_app.py" line="+104" />
            <source>E-city counter</source>
            <translation>میز خدمت دفتر شهر الکترونیک</translation>
        </message>
    </context>
    <context>
        <name>ApplicantSection</name>
        <message>
            <location filename="../app/ui/units/formation/forms.py" line="+139" />
            <source>1. Applicant</source>
            <translation>۱. متقاضی</translation>
        </message>
        <message>
            <location line="+7" />
            <source>National ID (10 digits) or legal entity ID (11 digits); Enter looks it up</source>
            <translation>کد ملی (۱۰ رقم) یا شناسه ملی شرکت (۱۱ رقم)؛ با Enter جست‌وجو می‌شود</translation>
        </message>
        <message>
            <location line="+1" />
            <source>National ID:</source>
            <translation>کد ملی / شناسه ملی:</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Not registered yet: fill in and press Enter to register.</source>
            <translation>هنوز ثبت نشده است: تکمیل کنید و برای ثبت Enter بزنید.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>First name:</source>
            <translation>نام:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last name:</source>
            <translation>نام خانوادگی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Father's name:</source>
            <translation>نام پدر:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company name:</source>
            <translation>نام شرکت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mobile:</source>
            <translation>تلفن همراه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Postal code:</source>
            <translation>کد پستی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address:</source>
            <translation>نشانی:</translation>
        </message>
    </context>
    <context>
        <name>ArchiveTab</name>
        <message>
            <location filename="../app/ui/units/archive/__init__.py" line="+13" />
            <source>Archive</source>
            <translation>بایگانی و اسکن</translation>
        </message>
    </context>
    <context>
        <name>AssigneeDialog</name>
        <message>
            <location filename="../app/ui/case_view.py" line="+96" />
            <source>Refer to:</source>
            <translation>ارجاع به:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Note:</source>
            <translation>توضیح:</translation>
        </message>
    </context>
    <context>
        <name>AuditTab</name>
        <message>
            <location filename="../app/ui/units/audit/__init__.py" line="+13" />
            <source>Audit</source>
            <translation>بازرسی</translation>
        </message>
    </context>
    <context>
        <name>CartableModel</name>
        <message>
            <location filename="../app/ui/cartable.py" line="+80" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assignee</source>
            <translation>کارشناس مسئول</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>تاریخ تشکیل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days left</source>
            <translation>روز مانده</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Overdue</source>
            <translation>از مهلت گذشته</translation>
        </message>
        <message>
            <location line="+33" />
            <source>%1 days late</source>
            <translation>%1 روز تأخیر</translation>
        </message>
    </context>
    <context>
        <name>CartablePanel</name>
        <message>
            <location filename="../app/ui/units/base.py" line="+37" />
            <source>Filter: tracking number, name, service, stage…</source>
            <translation>صافی: کد رهگیری، نام، خدمت، مرحله…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Refresh</source>
            <translation>بازخوانی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reload the cartable (F5)</source>
            <translation>بازخوانی کارتابل (F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter:</source>
            <translation>صافی:</translation>
        </message>
        <message>
            <location line="+39" />
            <source>%1 cases</source>
            <translation>%1 پرونده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 of %2 cases</source>
            <translation>%1 از %2 پرونده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 overdue</source>
            <translation>%1 پرونده از مهلت گذشته</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../app/ui/case_view.py" line="+30" />
            <source>Case file</source>
            <translation>پرونده</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Summary</source>
            <translation>خلاصه</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+41" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="-40" />
            <source>Assignee</source>
            <translation>کارشناس مسئول</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opened</source>
            <translation>تشکیل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+102" />
            <source>Property</source>
            <translation>ملک</translation>
        </message>
        <message>
            <location line="-101" />
            <source>Documents</source>
            <translation>مدارک</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Route history</source>
            <translation>گردش پرونده</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>اقدام</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To stage</source>
            <translation>به مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>By</source>
            <translation>توسط</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>توضیح</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Actions</source>
            <translation>اقدام‌ها</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No action of yours is possible at this stage.</source>
            <translation>در این مرحله اقدامی از سوی شما ممکن نیست.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Case file %1</source>
            <translation>پرونده %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Legal entity ID</source>
            <translation>شناسه ملی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>National ID</source>
            <translation>کد ملی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Father's name</source>
            <translation>نام پدر</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mobile</source>
            <translation>تلفن همراه</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+12" />
            <source>Address</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <location line="-5" />
            <source>none</source>
            <translation>ندارد</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Renovation code</source>
            <translation>کد نوسازی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registry plate</source>
            <translation>پلاک ثبتی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Postal code</source>
            <translation>کد پستی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Deed area</source>
            <translation>مساحت طبق سند</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 m²</source>
            <translation>%1 متر مربع</translation>
        </message>
        <message>
            <location line="+14" />
            <source>scanned</source>
            <translation>اسکن شده</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Missing: %1</source>
            <translation>کسری: %1</translation>
        </message>
    </context>
    <context>
        <name>CertificatesTab</name>
        <message>
            <location filename="../app/ui/units/certificates/__init__.py" line="+13" />
            <source>Certificates</source>
            <translation>پیش‌نویس گواهی</translation>
        </message>
    </context>
    <context>
        <name>ConsultationTab</name>
        <message>
            <location filename="../app/ui/units/consultation/__init__.py" line="+13" />
            <source>Consultation</source>
            <translation>مشاوره</translation>
        </message>
    </context>
    <context>
        <name>DocumentsSection</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="+57" />
            <source>4. Documents received</source>
            <translation>۴. مدارک دریافت‌شده</translation>
        </message>
        <message>
            <location line="+7" />
            <source>All received</source>
            <translation>همه دریافت شد</translation>
        </message>
        <message>
            <location line="+25" />
            <source>(if applicable)</source>
            <translation>(در صورت لزوم)</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Missing: %1</source>
            <translation>کسری: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All required documents received.</source>
            <translation>همه مدارک لازم دریافت شده است.</translation>
        </message>
    </context>
    <context>
        <name>FollowupTab</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="+13" />
            <source>Follow-up</source>
            <translation>نظارت و پیگیری</translation>
        </message>
    </context>
    <context>
        <name>FormationTab</name>
        <message>
            <location filename="../app/ui/units/formation/__init__.py" line="+14" />
            <source>Formation</source>
            <translation>تشکیل پرونده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New case</source>
            <translation>تشکیل پرونده جدید</translation>
        </message>
    </context>
    <context>
        <name>InspectionTab</name>
        <message>
            <location filename="../app/ui/units/inspection/__init__.py" line="+13" />
            <source>Inspection</source>
            <translation>بازدید</translation>
        </message>
    </context>
    <context>
        <name>IntakePanel</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="+100" />
            <source>3. Service</source>
            <translation>۳. خدمت</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Open case (Ctrl+Enter)</source>
            <translation>تشکیل پرونده (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>LiaisonTab</name>
        <message>
            <location filename="../app/ui/units/liaison/__init__.py" line="+13" />
            <source>Liaisons</source>
            <translation>رابطین شهرداری</translation>
        </message>
    </context>
    <context>
        <name>LogDialog</name>
        <message>
            <location filename="../app/ui/log_dialog.py" line="+15" />
            <source>Program log</source>
            <translation>گزارش کار برنامه</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Logging is not configured.</source>
            <translation>ثبت گزارش برنامه راه‌اندازی نشده است.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../app/ui/login_dialog.py" line="+20" />
            <location line="+29" />
            <source>Sign in</source>
            <translation>ورود</translation>
        </message>
        <message>
            <location line="-25" />
            <source>E-city services office</source>
            <translation>دفتر خدمات الکترونیک شهر</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Counter desktop — sign in with your user name</source>
            <translation>میز خدمت — با نام کاربری خود وارد شوید</translation>
        </message>
        <message>
            <location line="+12" />
            <source>User name:</source>
            <translation>نام کاربری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>گذرواژه:</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Enter your user name and password.</source>
            <translation>نام کاربری و گذرواژه را وارد کنید.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../app/ui/main_window.py" line="+36" />
            <source>E-city counter</source>
            <translation>میز خدمت دفتر شهر الکترونیک</translation>
        </message>
        <message>
            <location line="+24" />
            <source>&amp;File</source>
            <translation>&amp;پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Search cases…</source>
            <translation>&amp;جست‌وجوی پرونده‌ها…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Help</source>
            <translation>&amp;راهنما</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show &amp;log</source>
            <translation>نمایش &amp;گزارش برنامه</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;About</source>
            <translation>&amp;درباره</translation>
        </message>
        <message>
            <location line="+7" />
            <source>User: %1</source>
            <translation>کاربر: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Workstation %1</source>
            <translation>ایستگاه کاری %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Local only</source>
            <translation>فقط محلی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This workstation is not connected to the central server yet.</source>
            <translation>این ایستگاه هنوز به سرور مرکزی متصل نیست.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>No case with tracking number %1</source>
            <translation>پرونده‌ای با کد رهگیری %1 پیدا نشد</translation>
        </message>
        <message>
            <location line="+28" />
            <source>About</source>
            <translation>درباره</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-city counter, version %1</source>
            <translation>میز خدمت دفتر شهر الکترونیک، نسخه %1</translation>
        </message>
    </context>
    <context>
        <name>MeasurePanel</name>
        <message>
            <location filename="../app/ui/map/measure_panel.py" line="+70" />
            <source>نخست مرز قطعه را رسم کنید.</source>
            <translation>نخست مرز قطعه را رسم کنید.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>تعداد اضلاع برای ورود دستی زیاد است.</source>
            <translation>تعداد اضلاع برای ورود دستی زیاد است.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>ضلع</source>
            <translation>ضلع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>طول (متر)</source>
            <translation>طول (متر)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>گردش</source>
            <translation>گردش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>زاویه</source>
            <translation>زاویه</translation>
        </message>
        <message>
            <location line="+14" />
            <source>راست</source>
            <translation>راست</translation>
        </message>
        <message>
            <location line="+0" />
            <source>چپ</source>
            <translation>چپ</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../app/ui/messages.py" line="+28" />
            <source>A national ID has 10 digits.</source>
            <translation>کد ملی ۱۰ رقم است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This national ID is not valid (check digit). Check it against the card.</source>
            <translation>کد ملی نامعتبر است (رقم کنترل نادرست). آن را با کارت مقایسه کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the national ID.</source>
            <translation>کد ملی را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A legal entity's national ID has 11 digits.</source>
            <translation>شناسه ملی اشخاص حقوقی ۱۱ رقم است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This legal entity ID is not valid (check digit).</source>
            <translation>شناسه ملی نامعتبر است (رقم کنترل نادرست).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A postal code has 10 digits.</source>
            <translation>کد پستی ۱۰ رقم است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unusual postal code; check it (it is accepted).</source>
            <translation>کد پستی غیرمعمول است؛ دوباره بررسی کنید (پذیرفته می‌شود).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a mobile number like 09121234567.</source>
            <translation>شماره همراه را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registry section and main plate are whole numbers; the sub plate may be empty.</source>
            <translation>بخش ثبتی و پلاک اصلی عدد صحیح هستند؛ پلاک فرعی می‌تواند خالی بماند.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A renovation code has 7 parts: district-precinct-block-parcel-building-apartment-shop.</source>
            <translation>کد نوسازی ۷ بخش دارد: منطقه-حوزه-بلوک-ملک-ساختمان-آپارتمان-صنفی.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The district (first part of the renovation code) is between 1 and 22.</source>
            <translation>منطقه (بخش نخست کد نوسازی) باید بین ۱ تا ۲۲ باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not a valid tracking number (16 digits with a check digit): a digit was mistyped.</source>
            <translation>کد رهگیری نامعتبر است (۱۶ رقم با رقم کنترل)؛ رقمی اشتباه وارد شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The office code has 4 digits.</source>
            <translation>کد دفتر ۴ رقم است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The workstation number is between 1 and 999.</source>
            <translation>شماره ایستگاه کاری باید بین ۱ تا ۹۹۹ باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This workstation has used all its tracking numbers for this year.</source>
            <translation>کدهای رهگیری امسال این ایستگاه تمام شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid year.</source>
            <translation>سال نامعتبر است.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Write the date like 1403/12/30.</source>
            <translation>تاریخ را مانند ۱۴۰۳/۱۲/۳۰ بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no such day in the calendar.</source>
            <translation>چنین روزی در تقویم وجود ندارد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The date is out of range.</source>
            <translation>تاریخ خارج از محدوده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>That day is a holiday.</source>
            <translation>آن روز تعطیل است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The day has already passed.</source>
            <translation>آن روز گذشته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the amount in digits.</source>
            <translation>مبلغ را با رقم وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The amount is too large.</source>
            <translation>مبلغ بیش از حد بزرگ است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The amount cannot be negative.</source>
            <translation>مبلغ نمی‌تواند منفی باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The bill ID's check digit is wrong.</source>
            <translation>رقم کنترل شناسه قبض نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The bill ID's company code is wrong.</source>
            <translation>کد شرکت در شناسه قبض نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The bill ID's file code is wrong.</source>
            <translation>کد پرونده در شناسه قبض نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The bill ID is not for municipal charges.</source>
            <translation>این شناسه قبض مربوط به عوارض شهرداری نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment ID does not match the amount.</source>
            <translation>شناسه پرداخت با مبلغ همخوانی ندارد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment ID is not valid.</source>
            <translation>شناسه پرداخت نامعتبر است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment ID's period is wrong.</source>
            <translation>دوره در شناسه پرداخت نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The payment ID's year is wrong.</source>
            <translation>سال در شناسه پرداخت نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown payment ID scheme.</source>
            <translation>الگوی شناسه پرداخت شناخته‌شده نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This computer's clock is far ahead of the server. Ask the technical manager to correct it.</source>
            <translation>ساعت این رایانه از ساعت سرور بسیار جلوتر است. از مسئول فنی بخواهید آن را درست کند.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A sync clock value is damaged.</source>
            <translation>مقدار ساعت همگام‌سازی خراب است.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Enter the first and last name.</source>
            <translation>نام و نام خانوادگی را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+19" />
            <source>Enter the company name.</source>
            <translation>نام شرکت را وارد کنید.</translation>
        </message>
        <message>
            <location line="-18" />
            <source>This person is already registered.</source>
            <translation>این شخص پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No person with this ID is registered.</source>
            <translation>شخصی با این شناسه ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+19" />
            <source>Choose natural or legal person.</source>
            <translation>حقیقی یا حقوقی بودن شخص را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="-18" />
            <location line="+20" />
            <source>A property with this renovation code is already registered.</source>
            <translation>ملکی با این کد نوسازی پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="-19" />
            <source>No property with this renovation code is registered.</source>
            <translation>ملکی با این کد نوسازی ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This service needs a property.</source>
            <translation>این خدمت به ملک نیاز دارد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The deed area is a positive number of square metres.</source>
            <translation>مساحت سند عددی مثبت به متر مربع است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This field is required.</source>
            <translation>تکمیل این خانه الزامی است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the address.</source>
            <translation>نشانی را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A person with this national ID is already registered.</source>
            <translation>شخصی با این کد ملی پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A legal entity with this ID is already registered.</source>
            <translation>شخص حقوقی با این شناسه ملی پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the legal entity's national ID.</source>
            <translation>شناسه ملی شخص حقوقی را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the first name.</source>
            <translation>نام را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the last name.</source>
            <translation>نام خانوادگی را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <location line="+1" />
            <location line="+1" />
            <source>A name has no digits.</source>
            <translation>نام نباید رقم داشته باشد.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The birth date cannot be in the future.</source>
            <translation>تاریخ تولد نمی‌تواند در آینده باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the phone number in digits.</source>
            <translation>شماره تلفن را با رقم وارد کنید.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Someone else changed this person's record meanwhile; reopen it.</source>
            <translation>اطلاعات این شخص در این فاصله توسط کاربر دیگری تغییر کرده است؛ دوباره باز کنید.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+3" />
            <source>Unknown service.</source>
            <translation>خدمت ناشناخته است.</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Choose a service.</source>
            <translation>خدمت را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This service is not opened at this counter.</source>
            <translation>این خدمت در این میز تشکیل نمی‌شود.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+15" />
            <source>Unknown document type.</source>
            <translation>نوع مدرک ناشناخته است.</translation>
        </message>
        <message>
            <location line="-14" />
            <source>Find or register the applicant first.</source>
            <translation>ابتدا متقاضی را پیدا یا ثبت کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Find or register the property first.</source>
            <translation>ابتدا ملک را پیدا یا ثبت کنید.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Your role does not open cases for this service.</source>
            <translation>نقش شما اجازه تشکیل پرونده برای این خدمت را نمی‌دهد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the inspection day.</source>
            <translation>روز بازدید را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Too many wrong attempts: the account is locked for {minutes_left} more minutes.</source>
            <translation>تلاش‌های نادرست زیاد بود: حساب تا {minutes_left} دقیقه دیگر قفل است.</translation>
        </message>
        <message>
            <location line="-33" />
            <source>The inspector has no free visit on that day; choose another day.</source>
            <translation>مامور بازدید در آن روز وقت آزاد ندارد؛ روز دیگری انتخاب کنید.</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Required documents are missing.</source>
            <translation>مدارک لازم کامل نیست.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+7" />
            <source>No visits on holidays; choose a working day.</source>
            <translation>در روزهای تعطیل بازدید انجام نمی‌شود؛ روز کاری انتخاب کنید.</translation>
        </message>
        <message>
            <location line="-6" />
            <source>The visit day has passed; choose a later day.</source>
            <translation>روز بازدید گذشته است؛ روز دیرتری انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+7" />
            <source>The inspector is on leave that day.</source>
            <translation>مامور بازدید در آن روز مرخصی است.</translation>
        </message>
        <message>
            <location line="-4" />
            <source>No inspector has a free visit on that day; choose another day.</source>
            <translation>هیچ مامور بازدیدی در آن روز وقت آزاد ندارد؛ روز دیگری انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>That day has passed; choose a later day.</source>
            <translation>آن روز گذشته است؛ روز دیرتری انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chosen person is not an inspector.</source>
            <translation>شخص انتخاب‌شده مامور بازدید نیست.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You do not work in this unit.</source>
            <translation>شما در این واحد کار نمی‌کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You are not allowed to change this case.</source>
            <translation>شما اجازه تغییر این پرونده را ندارید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The chosen colleague is not a user of this unit.</source>
            <translation>همکار انتخاب‌شده کاربر این واحد نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown case fact.</source>
            <translation>مشخصه پرونده ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No case with this tracking number was found.</source>
            <translation>پرونده‌ای با این کد رهگیری پیدا نشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Someone else changed this case meanwhile. It has been reloaded; check it and try again.</source>
            <translation>این پرونده در این فاصله توسط کاربر دیگری تغییر کرد. دوباره بارگذاری شد؛ بررسی کنید و دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown workflow.</source>
            <translation>گردش کار ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown action.</source>
            <translation>اقدام ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The case is in an unknown state.</source>
            <translation>پرونده در وضعیت ناشناخته‌ای است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The action belongs to another workflow.</source>
            <translation>این اقدام به گردش کار دیگری تعلق دارد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This action is not possible at this stage of the case.</source>
            <translation>این اقدام در این مرحله از پرونده ممکن نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your role does not allow this action.</source>
            <translation>نقش شما اجازه این اقدام را نمی‌دهد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not yet possible; still missing: {missing}</source>
            <translation>هنوز ممکن نیست؛ کسری: {missing}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write a note for this action.</source>
            <translation>برای این اقدام توضیح بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the colleague to refer the case to.</source>
            <translation>همکاری را که پرونده به او ارجاع می‌شود انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This colleague cannot take the case.</source>
            <translation>این همکار نمی‌تواند پرونده را بپذیرد.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+1" />
            <source>Wrong user name or password.</source>
            <translation>نام کاربری یا گذرواژه نادرست است.</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+1" />
            <source>This account is disabled. Ask the administrator.</source>
            <translation>این حساب غیرفعال است. به مدیر سامانه مراجعه کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This account has no role in any unit. Ask the administrator.</source>
            <translation>این حساب در هیچ واحدی نقشی ندارد. به مدیر سامانه مراجعه کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You are not allowed to do this.</source>
            <translation>شما اجازه این کار را ندارید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such user.</source>
            <translation>چنین کاربری وجود ندارد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A user name has Latin letters, digits, dots, dashes or underscores.</source>
            <translation>نام کاربری از حروف لاتین، رقم، نقطه، خط تیره یا زیرخط تشکیل می‌شود.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This user name is taken.</source>
            <translation>این نام کاربری پیش‌تر گرفته شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the full name.</source>
            <translation>نام کامل را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose at least one valid role.</source>
            <translation>دست‌کم یک نقش معتبر انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The daily capacity is zero or more visits.</source>
            <translation>ظرفیت روزانه باید صفر یا بیشتر باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The password must be at least {min_length} characters.</source>
            <translation>گذرواژه باید دست‌کم {min_length} نویسه باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The current password is wrong.</source>
            <translation>گذرواژه فعلی نادرست است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You cannot disable your own account.</source>
            <translation>نمی‌توانید حساب خودتان را غیرفعال کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You cannot remove your own administrator role.</source>
            <translation>نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such leave entry.</source>
            <translation>چنین مرخصی‌ای ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the audit unit may read the audit trail.</source>
            <translation>فقط واحد بازرسی می‌تواند سوابق بازرسی را ببیند.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown role.</source>
            <translation>نقش ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown unit.</source>
            <translation>واحد ناشناخته است.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Type at least 3 characters to search.</source>
            <translation>برای جست‌وجو دست‌کم ۳ نویسه وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The audit chain is broken at entry {seq}.</source>
            <translation>زنجیره سوابق بازرسی در ردیف {seq} گسسته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database is busy; try again in a moment.</source>
            <translation>پایگاه داده مشغول است؛ لحظه‌ای بعد دوباره تلاش کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The database refused the change (a duplicate or a missing record).</source>
            <translation>پایگاه داده تغییر را نپذیرفت (رکورد تکراری یا ناموجود).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unexpected error; it has been written to the log. Details: {detail}</source>
            <translation>خطای پیش‌بینی‌نشده؛ در گزارش برنامه ثبت شد. جزئیات: {detail}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>This action is not possible now.</source>
            <translation>این اقدام اکنون ممکن نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Login failed.</source>
            <translation>ورود ناموفق بود.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The case could not be opened.</source>
            <translation>پرونده تشکیل نشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Synchronisation with the server failed; work continues locally.</source>
            <translation>همگام‌سازی با سرور ناموفق بود؛ کار به‌صورت محلی ادامه می‌یابد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Printing failed.</source>
            <translation>چاپ ناموفق بود.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The scanner reported an error.</source>
            <translation>اسکنر خطا گزارش کرد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The map reported an error.</source>
            <translation>نقشه خطا گزارش کرد.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The operation failed ({code}).</source>
            <translation>عملیات ناموفق بود ({code}).</translation>
        </message>
        <message>
            <location line="+72" />
            <source>open violations settled</source>
            <translation>رفع خلاف‌های باز</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fees paid</source>
            <translation>پرداخت هزینه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the sketch</source>
            <translation>رسم کروکی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the aerial map</source>
            <translation>نقشه هوایی ۱:۲۰۰۰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>locating the property</source>
            <translation>جانمایی ملک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>scanned documents</source>
            <translation>اسکن مدارک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the supervisor's final report</source>
            <translation>گزارش نهایی مهندس ناظر</translation>
        </message>
        <message>
            <location line="+1" />
            <source>answers to the inquiries</source>
            <translation>پاسخ استعلام‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the checklist</source>
            <translation>تکمیل چک‌لیست</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the building technical ID</source>
            <translation>شناسنامه فنی ساختمان</translation>
        </message>
        <message>
            <location line="+1" />
            <source>green-space department's answer</source>
            <translation>پاسخ استعلام فضای سبز</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fire department's answer</source>
            <translation>پاسخ استعلام آتش‌نشانی</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <location filename="../app/ui/case_view.py" line="-253" />
            <source>Note for «%1»:</source>
            <translation>توضیح برای «%1»:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Write the note first.</source>
            <translation>ابتدا توضیح را بنویسید.</translation>
        </message>
    </context>
    <context>
        <name>PermitsTab</name>
        <message>
            <location filename="../app/ui/units/permits/__init__.py" line="+13" />
            <source>Permit drafts</source>
            <translation>پیش‌نویس پروانه</translation>
        </message>
    </context>
    <context>
        <name>PlanApprovalTab</name>
        <message>
            <location filename="../app/ui/units/plan_approval/__init__.py" line="+13" />
            <source>Plan approval</source>
            <translation>تایید نقشه</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../app/ui/print/preview.py" line="+52" />
            <source>Print preview</source>
            <translation>پیش‌نمایش چاپ</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Print…</source>
            <translation>چاپ…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save as PDF…</source>
            <translation>ذخیره به صورت PDF…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Zoom in</source>
            <translation>بزرگ‌نمایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom out</source>
            <translation>کوچک‌نمایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fit width</source>
            <translation>هم‌عرض پنجره</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n صفحه</numerusform>
            </translation>
        </message>
        <message>
            <location line="+42" />
            <location line="+7" />
            <source>Save as PDF</source>
            <translation>ذخیره به صورت PDF</translation>
        </message>
        <message>
            <location line="-7" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The file could not be saved.</source>
            <translation>پرونده ذخیره نشد.</translation>
        </message>
        <message>
            <location line="+24" />
            <location line="+9" />
            <source>Print</source>
            <translation>چاپ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The printer could not be started.</source>
            <translation>چاپگر راه‌اندازی نشد.</translation>
        </message>
    </context>
    <context>
        <name>PropertySection</name>
        <message>
            <location filename="../app/ui/units/formation/forms.py" line="+139" />
            <source>2. Property</source>
            <translation>۲. ملک</translation>
        </message>
        <message>
            <location line="+7" />
            <source>district-precinct-block-parcel-building-apartment-shop; Enter looks it up</source>
            <translation>منطقه-حوزه-بلوک-ملک-ساختمان-آپارتمان-صنفی؛ با Enter جست‌وجو می‌شود</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renovation code:</source>
            <translation>کد نوسازی:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Not registered yet: fill in and press Enter to register.</source>
            <translation>هنوز ثبت نشده است: تکمیل کنید و برای ثبت Enter بزنید.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Registry section:</source>
            <translation>بخش ثبتی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Main plate:</source>
            <translation>پلاک اصلی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sub plate:</source>
            <translation>پلاک فرعی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address:</source>
            <translation>نشانی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Postal code:</source>
            <translation>کد پستی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deed area (m²):</source>
            <translation>مساحت طبق سند (متر مربع):</translation>
        </message>
    </context>
    <context>
        <name>RenovationTab</name>
        <message>
            <location filename="../app/ui/units/renovation/__init__.py" line="+13" />
            <source>Renovation and waste</source>
            <translation>نوسازی و پسماند</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="-112" />
            <source>Case opened. Tracking number:</source>
            <translation>پرونده تشکیل شد. کد رهگیری:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Open the case file</source>
            <translation>باز کردن پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New case (F2)</source>
            <translation>پرونده جدید (F2)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Inspection visit on %1</source>
            <translation>بازدید در %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The case waits at the counter for: %1</source>
            <translation>پرونده در انتظار تکمیل مدارک در میز تشکیل: %1</translation>
        </message>
    </context>
    <context>
        <name>ScanWidget</name>
        <message>
            <location filename="../app/ui/scan/scan_widget.py" line="+110" />
            <source>جست‌وجوی دستگاه</source>
            <translation>جست‌وجوی دستگاه</translation>
        </message>
        <message>
            <location line="+12" />
            <source>صفحه‌ای که جوهرش از این کمتر باشد سفید شمرده می‌شود و کنار می‌رود.</source>
            <translation>صفحه‌ای که جوهرش از این کمتر باشد سفید شمرده می‌شود و کنار می‌رود.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>اسکن</source>
            <translation>اسکن</translation>
        </message>
        <message>
            <location line="+1" />
            <source>لغو</source>
            <translation>لغو</translation>
        </message>
        <message>
            <location line="+7" />
            <source>پرونده‌ای انتخاب نشده است</source>
            <translation>پرونده‌ای انتخاب نشده است</translation>
        </message>
        <message>
            <location line="+16" />
            <source>چرخش به چپ</source>
            <translation>چرخش به چپ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>چرخش به راست</source>
            <translation>چرخش به راست</translation>
        </message>
        <message>
            <location line="+1" />
            <source>حذف صفحه</source>
            <translation>حذف صفحه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>نگه‌داشتن صفحه</source>
            <translation>نگه‌داشتن صفحه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>بزرگ‌نمایی</source>
            <translation>بزرگ‌نمایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>کوچک‌نمایی</source>
            <translation>کوچک‌نمایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>اندازهٔ پنجره</source>
            <translation>اندازهٔ پنجره</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ذخیره در پرونده</source>
            <translation>ذخیره در پرونده</translation>
        </message>
        <message>
            <location line="+6" />
            <source>دستگاه:</source>
            <translation>دستگاه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>نمایه:</source>
            <translation>نمایه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>نوع سند:</source>
            <translation>نوع سند:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>آستانهٔ صفحهٔ سفید:</source>
            <translation>آستانهٔ صفحهٔ سفید:</translation>
        </message>
        <message>
            <location line="+54" />
            <source>نقشهٔ A3، ۳۰۰ نقطه، خاکستری</source>
            <translation>نقشهٔ A3، ۳۰۰ نقطه، خاکستری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>سند A4، ۳۰۰ نقطه، خاکستری</source>
            <translation>سند A4، ۳۰۰ نقطه، خاکستری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>کارت شناسایی، ۳۰۰ نقطه، رنگی</source>
            <translation>کارت شناسایی، ۳۰۰ نقطه، رنگی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>متن A4، ۳۰۰ نقطه، سیاه و سفید</source>
            <translation>متن A4، ۳۰۰ نقطه، سیاه و سفید</translation>
        </message>
        <message>
            <location line="+6" />
            <source>سند مالکیت</source>
            <translation>سند مالکیت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>کارت ملی</source>
            <translation>کارت ملی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>شناسنامه</source>
            <translation>شناسنامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>پروانهٔ قبلی</source>
            <translation>پروانهٔ قبلی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>برگ نقشه</source>
            <translation>برگ نقشه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>وکالت‌نامه</source>
            <translation>وکالت‌نامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>گواهی انحصار وراثت</source>
            <translation>گواهی انحصار وراثت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>سایر</source>
            <translation>سایر</translation>
        </message>
        <message>
            <location line="+95" />
            <source>در حال اسکن…</source>
            <translation>در حال اسکن…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>لغو درخواست شد؛ صفحهٔ داخل دستگاه تمام می‌شود…</source>
            <translation>لغو درخواست شد؛ صفحهٔ داخل دستگاه تمام می‌شود…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>صفحهٔ سفید: جوهر %1 کمتر از آستانهٔ %2</source>
            <translation>صفحهٔ سفید: جوهر %1 کمتر از آستانهٔ %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>جوهر صفحه: %1 (آستانه %2)</source>
            <translation>جوهر صفحه: %1 (آستانه %2)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 صفحه اسکن شد.</source>
            <translation>%1 صفحه اسکن شد.</translation>
        </message>
        <message>
            <location line="+93" />
            <source>صفحه‌ای برای ذخیره نمانده است.</source>
            <translation>صفحه‌ای برای ذخیره نمانده است.</translation>
        </message>
        <message>
            <location line="+29" />
            <source>در حال ساختن PDF…</source>
            <translation>در حال ساختن PDF…</translation>
        </message>
        <message>
            <location line="+28" />
            <source>سند با %1 صفحه ذخیره شد.</source>
            <translation>سند با %1 صفحه ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="../app/ui/search_dialog.py" line="+33" />
            <source>Search cases</source>
            <translation>جست‌وجوی پرونده‌ها</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Tracking number, national ID, name, mobile, registry plate or renovation code</source>
            <translation>کد رهگیری، کد ملی، نام، تلفن همراه، پلاک ثبتی یا کد نوسازی</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found by</source>
            <translation>یافته با</translation>
        </message>
        <message>
            <location line="+18" />
            <source>tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>national ID</source>
            <translation>کد ملی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>legal entity ID</source>
            <translation>شناسه ملی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mobile</source>
            <translation>تلفن همراه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>registry plate</source>
            <translation>پلاک ثبتی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>renovation code</source>
            <translation>کد نوسازی</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Searching…</source>
            <translation>در حال جست‌وجو…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1 found</source>
            <translation>%1 پرونده پیدا شد</translation>
        </message>
    </context>
    <context>
        <name>SketchWidget</name>
        <message>
            <location filename="../app/ui/map/sketch_widget.py" line="+72" />
            <source>ویرایش</source>
            <translation>ویرایش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>مرز قطعه</source>
            <translation>مرز قطعه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ساختمان</source>
            <translation>ساختمان</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+130" />
            <source>گذر</source>
            <translation>گذر</translation>
        </message>
        <message>
            <location line="-129" />
            <source>جانمایی</source>
            <translation>جانمایی</translation>
        </message>
        <message>
            <location line="+14" />
            <source>واگرد</source>
            <translation>واگرد</translation>
        </message>
        <message>
            <location line="+6" />
            <source>ازنو</source>
            <translation>ازنو</translation>
        </message>
        <message>
            <location line="+9" />
            <source>نمایش قطعه</source>
            <translation>نمایش قطعه</translation>
        </message>
        <message>
            <location line="+42" />
            <source>مساحت و محیط (UTM)</source>
            <translation>مساحت و محیط (UTM)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>ندارد</source>
            <translation>ندارد</translation>
        </message>
        <message>
            <location line="+1" />
            <source> متر مربع</source>
            <translation> متر مربع</translation>
        </message>
        <message>
            <location line="+10" />
            <source>مساحت:</source>
            <translation>مساحت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>محیط:</source>
            <translation>محیط:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>خطای بست:</source>
            <translation>خطای بست:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>مساحت سند:</source>
            <translation>مساحت سند:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>حد مجاز اختلاف:</source>
            <translation>حد مجاز اختلاف:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>اضلاع اندازه‌گیری‌شده با متر</source>
            <translation>اضلاع اندازه‌گیری‌شده با متر</translation>
        </message>
        <message>
            <location line="+2" />
            <source>طول هر ضلع را وارد کنید؛ زاویهٔ خالی قائمه فرض می‌شود.</source>
            <translation>طول هر ضلع را وارد کنید؛ زاویهٔ خالی قائمه فرض می‌شود.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>گیرش</source>
            <translation>گیرش</translation>
        </message>
        <message>
            <location line="+4" />
            <source>به رأس‌ها</source>
            <translation>به رأس‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>به لبه‌ها</source>
            <translation>به لبه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>زاویهٔ قائمه</source>
            <translation>زاویهٔ قائمه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>موازی</source>
            <translation>موازی</translation>
        </message>
        <message>
            <location line="+14" />
            <source> متر</source>
            <translation> متر</translation>
        </message>
        <message>
            <location line="+3" />
            <source>عرض گذر تازه:</source>
            <translation>عرض گذر تازه:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>ذخیره</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <location line="+3" />
            <source>بازخوانی</source>
            <translation>بازخوانی</translation>
        </message>
        <message>
            <location line="+64" />
            <source>%1 متر مربع</source>
            <translation>%1 متر مربع</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 متر</source>
            <translation>%1 متر</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 سانتی‌متر</source>
            <translation>%1 سانتی‌متر</translation>
        </message>
        <message>
            <location line="+18" />
            <source>اختلاف با سند %1 درصد؛ بیش از حد مجاز</source>
            <translation>اختلاف با سند %1 درصد؛ بیش از حد مجاز</translation>
        </message>
        <message>
            <location line="+3" />
            <source>اختلاف با سند %1 درصد؛ در حد مجاز</source>
            <translation>اختلاف با سند %1 درصد؛ در حد مجاز</translation>
        </message>
    </context>
    <context>
        <name>TechnicalTab</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="+13" />
            <source>Technical manager</source>
            <translation>مدیر فنی</translation>
        </message>
    </context>
    <context>
        <name>UnitTab</name>
        <message>
            <location filename="../app/ui/units/base.py" line="+33" />
            <source>Cartable</source>
            <translation>کارتابل</translation>
        </message>
    </context>
    <context>
        <name>VehicleTab</name>
        <message>
            <location filename="../app/ui/units/vehicle/__init__.py" line="+13" />
            <source>Vehicle charges</source>
            <translation>عوارض خودرو</translation>
        </message>
    </context>
    <context>
        <name>ViolationTab</name>
        <message>
            <location filename="../app/ui/units/violation/__init__.py" line="+13" />
            <source>Violation review</source>
            <translation>بررسی خلاف</translation>
        </message>
    </context>
    <context>
        <name>VisitSection</name>
        <message>
            <location filename="../app/ui/units/formation/visit.py" line="+32" />
            <source>5. Inspection visit</source>
            <translation>۵. وقت بازدید</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Free visits:</source>
            <translation>ظرفیت آزاد:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Inspector:</source>
            <translation>مامور بازدید:</translation>
        </message>
        <message>
            <location line="+72" />
            <source>No visits on %1</source>
            <translation>در %1 بازدیدی انجام نمی‌شود</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 free on %2</source>
            <translation>%1 وقت آزاد در %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Any inspector (least busy)</source>
            <translation>هر مامور بازدید (کم‌کارترین)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 (%2 free)</source>
            <translation>%1 (%2 وقت آزاد)</translation>
        </message>
    </context>
</TS>