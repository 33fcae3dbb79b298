<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
    <context>
        <name>ActionBar</name>
        <message>
            <location filename="../app/ui/units/renovation/common.py" line="+201" />
            <source>Reason or note (needed to return or reject)</source>
            <translation>علت یا یادداشت (برای بازگشت یا رد لازم است)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note:</source>
            <translation>توضیح:</translation>
        </message>
    </context>
    <context>
        <name>AdminTab</name>
        <message>
            <location filename="../app/ui/units/admin/__init__.py" line="+19" />
            <source>Administration</source>
            <translation>مدیریت سامانه</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Users and roles</source>
            <translation>کاربران و نقش‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Holidays</source>
            <translation>تعطیلات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tariffs</source>
            <translation>تعرفه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service catalog</source>
            <translation>فهرست خدمات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Devices and map</source>
            <translation>دستگاه‌ها و نقشه</translation>
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
        <name>ArchivePanel</name>
        <message>
            <location filename="../app/ui/units/archive/panel.py" line="+109" />
            <source>Waiting for their documents</source>
            <translation>پرونده‌های در انتظار اسکن مدارک</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Print separator sheets</source>
            <translation>چاپ برگ جداکننده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A sheet with the case's barcode for each selected case: put it in front of the case's documents</source>
            <translation>برای هر پروندهٔ انتخاب‌شده یک برگ با بارکد پرونده؛ آن را جلوی مدارک همان پرونده بگذارید</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Archived documents of the case</source>
            <translation>مدارک بایگانی‌شدهٔ پرونده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a case from the queue.</source>
            <translation>پرونده‌ای را از صف انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Document</source>
            <translation>سند</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pages</source>
            <translation>صفحه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scanned</source>
            <translation>زمان اسکن</translation>
        </message>
        <message>
            <location line="+0" />
            <source>By</source>
            <translation>توسط</translation>
        </message>
        <message>
            <location line="+6" />
            <source>View</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-scan</source>
            <translation>اسکن دوباره</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The next document saved replaces the selected one</source>
            <translation>سند بعدی که ذخیره شود جای سند انتخاب‌شده را می‌گیرد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open the case</source>
            <translation>نمایش پرونده</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Import files…</source>
            <translation>ورود از پرونده…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF, TIFF, JPEG or PNG files into the strip, as if scanned</source>
            <translation>پرونده‌های PDF، TIFF، JPEG یا PNG، مانند صفحه‌های اسکن‌شده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Split pile by separator sheets</source>
            <translation>تفکیک دسته با برگ جداکننده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The strip holds several cases, each behind its separator sheet: save each into its case</source>
            <translation>نوار صفحه‌ها چند پرونده دارد که هر کدام پشت برگ جداکنندهٔ خود است؛ هر کدام در پروندهٔ خودش ذخیره می‌شود</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Scan profiles…</source>
            <translation>نمایه‌های اسکن…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+434" />
            <source>Discard pages</source>
            <translation>دورریختن صفحه‌ها</translation>
        </message>
        <message>
            <location line="-387" />
            <source>Scan (Ctrl+Enter)</source>
            <translation>اسکن (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save into the case (Ctrl+S)</source>
            <translation>ذخیره در پرونده (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+40" />
            <source>%1 cases waiting</source>
            <translation>%1 پرونده در انتظار اسکن</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Scanning into case %1</source>
            <translation>اسکن در پروندهٔ %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The file has not reached this workstation yet (sync brings it).</source>
            <translation>فایل هنوز به این ایستگاه نرسیده است (همگام‌سازی آن را می‌آورد).</translation>
        </message>
        <message>
            <location line="+91" />
            <source>The next document saved replaces «%1».</source>
            <translation>سند بعدی که ذخیره شود جای «%1» را می‌گیرد.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Delete the scan</source>
            <translation>حذف سند اسکن‌شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Why is the scan of «%1» deleted?</source>
            <translation>چرا سند اسکن‌شدهٔ «%1» حذف می‌شود؟</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Import files</source>
            <translation>ورود از پرونده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scans (*.pdf *.tif *.tiff *.jpg *.jpeg *.png)</source>
            <translation>تصویر اسکن (*.pdf *.tif *.tiff *.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Separator sheets</source>
            <translation>برگ‌های جداکننده</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Scan the pile first: each case's documents behind its separator sheet.</source>
            <translation>نخست دستهٔ برگه‌ها را اسکن کنید: مدارک هر پرونده پشت برگ جداکنندهٔ آن.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reading the separator sheets…</source>
            <translation>در حال خواندن برگ‌های جداکننده…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Building the documents of the pile…</source>
            <translation>در حال ساختن اسناد دستهٔ اسکن‌شده…</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The pile was saved: %1 documents into their cases.</source>
            <translation>دستهٔ اسکن‌شده ذخیره شد: %1 سند در پرونده‌های خود.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Throw away the pages in the strip?</source>
            <translation>صفحه‌های نوار دور ریخته شوند؟</translation>
        </message>
    </context>
    <context>
        <name>ArchiveTab</name>
        <message>
            <location filename="../app/ui/units/archive/__init__.py" line="+17" />
            <source>Archive</source>
            <translation>بایگانی و اسکن</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Scanning</source>
            <translation>اسکن مدارک</translation>
        </message>
    </context>
    <context>
        <name>AssignPanel</name>
        <message>
            <location filename="../app/ui/units/liaison/__init__.py" line="+180" />
            <source>Open tasks</source>
            <translation>کارهای باز</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done tasks</source>
            <translation>کارهای انجام شده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All tasks</source>
            <translation>همه کارها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show:</source>
            <translation>نمایش:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Liaison</source>
            <translation>رابط</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Task</source>
            <translation>کار</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>District</source>
            <translation>منطقه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Municipal expert</source>
            <translation>کارشناس شهرداری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due date</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Assign a task</source>
            <translation>سپردن کار به رابط</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Assign</source>
            <translation>سپردن کار</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Task kind:</source>
            <translation>نوع کار:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Liaison:</source>
            <translation>رابط:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District:</source>
            <translation>منطقه شهرداری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Municipal expert:</source>
            <translation>کارشناس شهرداری:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Task:</source>
            <translation>شرح کار:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due date:</source>
            <translation>مهلت:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes:</source>
            <translation>توضیحات:</translation>
        </message>
        <message>
            <location line="+44" />
            <source>The task was assigned.</source>
            <translation>کار به رابط سپرده شد.</translation>
        </message>
    </context>
    <context>
        <name>AssigneeDialog</name>
        <message>
            <location filename="../app/ui/case_view.py" line="+110" />
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
            <location filename="../app/ui/units/audit/__init__.py" line="+344" />
            <source>Audit</source>
            <translation>بازرسی</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Audit log</source>
            <translation>رویدادهای سامانه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Complaints and disputes</source>
            <translation>شکایات و اختلافات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Personal data and alerts</source>
            <translation>اطلاعات شخصی و هشدارها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Staff performance</source>
            <translation>عملکرد کارکنان</translation>
        </message>
    </context>
    <context>
        <name>BottleneckPanel</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="+216" />
            <source>Show</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Workflow</source>
            <translation>گردش کار</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Times</source>
            <translation>دفعات</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mean office hours</source>
            <translation>میانگین ساعت اداری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Median hours</source>
            <translation>میانه ساعت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Longest (hours)</source>
            <translation>بیشترین (ساعت)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mean working days</source>
            <translation>میانگین روز کاری</translation>
        </message>
    </context>
    <context>
        <name>CalendarPanel</name>
        <message>
            <location filename="../app/ui/units/inspection/calendar.py" line="+59" />
            <source>From:</source>
            <translation>از:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leave on/off</source>
            <translation>ثبت یا حذف مرخصی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Daily capacity…</source>
            <translation>ظرفیت روزانه…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cells: visits booked / capacity</source>
            <translation>هر خانه: بازدیدهای ثبت‌شده از ظرفیت روز</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Reassign the visit to</source>
            <translation>واگذاری بازدید به</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the day list…</source>
            <translation>چاپ برنامه روز…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mobile</source>
            <translation>تلفن همراه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+59" />
            <source>leave</source>
            <translation>مرخصی</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 of %2</source>
            <translation>%1 از %2</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Visits of %1 on %2</source>
            <translation>بازدیدهای %1 در %2</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Daily capacity</source>
            <translation>ظرفیت روزانه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Visits per day:</source>
            <translation>تعداد بازدید در روز:</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Day list</source>
            <translation>برنامه بازدید روزانه</translation>
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
        <name>CaseMapDialog</name>
        <message>
            <location filename="../app/ui/units/inspection/map_dialog.py" line="+22" />
            <source>The case's location</source>
            <translation>موقعیت ملک پرونده</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The property has no location or sketch yet.</source>
            <translation>برای این ملک هنوز موقعیت یا کروکی ثبت نشده است.</translation>
        </message>
    </context>
    <context>
        <name>CasePanel</name>
        <message>
            <location filename="../app/ui/units/renovation/__init__.py" line="+194" />
            <source>Choose a case in the cartable (Enter) or open a new request.</source>
            <translation>پرونده‌ای را در کارتابل انتخاب کنید (Enter) یا درخواست تازه‌ای ثبت کنید.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Compute and save</source>
            <translation>محاسبه و ثبت</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add the waste fee to this slip</source>
            <translation>بهای خدمات پسماند هم در همین فیش بیاید</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Fees and payment</source>
            <translation>مبالغ و پرداخت</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Issue the payment slip</source>
            <translation>صدور فیش</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the slip</source>
            <translation>چاپ فیش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue the clearance</source>
            <translation>صدور مفاصا حساب</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the clearance</source>
            <translation>چاپ مفاصا حساب</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Route history</source>
            <translation>گردش پرونده</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Renovation levy</source>
            <translation>عوارض نوسازی</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Land area (m²):</source>
            <translation>مساحت عرصه (مترمربع):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building area (m²):</source>
            <translation>مساحت اعیان (مترمربع):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Structure:</source>
            <translation>نوع سازه:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>from</source>
            <translation>از</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to</source>
            <translation>تا</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Years:</source>
            <translation>سال‌ها:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Years already paid:</source>
            <translation>سال‌های پرداخت‌شده:</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Waste-management charge</source>
            <translation>بهای خدمات پسماند</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Use:</source>
            <translation>کاربری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area (m²):</source>
            <translation>مساحت (مترمربع):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units:</source>
            <translation>تعداد واحد:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Excavation waste and haulage route</source>
            <translation>پسماند گودبرداری و مسیر حمل</translation>
        </message>
        <message>
            <location line="+4" />
            <source>empty: area × depth</source>
            <translation>خالی: مساحت × عمق</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Estimated volume (m³):</source>
            <translation>حجم تخمینی (مترمکعب):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pit area (m²):</source>
            <translation>مساحت گود (مترمربع):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Depth (m):</source>
            <translation>عمق (متر):</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+22" />
            <source>Contractor:</source>
            <translation>پیمانکار:</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Contractor's phone:</source>
            <translation>تلفن پیمانکار:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Disposal site:</source>
            <translation>محل تخلیه:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Street digging</source>
            <translation>حفاری</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Requesting agency:</source>
            <translation>دستگاه درخواست‌کننده:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Duration (days):</source>
            <translation>مدت (روز):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Surface:</source>
            <translation>نوع سطح معبر:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start:</source>
            <translation>شروع:</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Stage:</source>
            <translation>مرحله:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Total: %1 — unpaid: %2</source>
            <translation>جمع: %1 — پرداخت‌نشده: %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Bill ID %1 — payment ID %2</source>
            <translation>شناسه قبض %1 — شناسه پرداخت %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No slip issued yet.</source>
            <translation>هنوز فیشی صادر نشده است.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Due per year: %1</source>
            <translation>بدهی هر سال: %1</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Saved.</source>
            <translation>ثبت شد.</translation>
        </message>
        <message>
            <location line="+90" />
            <source>Payment slip</source>
            <translation>فیش پرداخت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clearance</source>
            <translation>مفاصا حساب</translation>
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
            <location line="+34" />
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
            <location line="+132" />
            <source>Property</source>
            <translation>ملک</translation>
        </message>
        <message>
            <location line="-131" />
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
            <location line="+11" />
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
            <source>Print…</source>
            <translation>چاپ…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the case's paper: receipt, payment slip, certificate (Ctrl+P)</source>
            <translation>چاپ برگه‌های پرونده: رسید، فیش پرداخت، گواهی (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Case file %1</source>
            <translation>پرونده %1</translation>
        </message>
        <message>
            <location line="+33" />
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
            <location line="+5" />
            <source>%1 m²</source>
            <translation>%1 متر مربع</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 m² — differs from the deed by %2%</source>
            <translation>%1 مترمربع — %2 درصد اختلاف با سند</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sketch area</source>
            <translation>مساحت کروکی</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show on the map</source>
            <translation>نمایش روی نقشه</translation>
        </message>
        <message>
            <location line="+20" />
            <source>scanned</source>
            <translation>اسکن شده</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Missing: %1</source>
            <translation>کسری: %1</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Taken in the %1 tab</source>
            <translation>در زبانهٔ «%1» انجام می‌شود</translation>
        </message>
    </context>
    <context>
        <name>CaseWorkbench</name>
        <message>
            <location filename="../app/ui/units/violation/common.py" line="+145" />
            <source>Choose a case in the cartable (Enter opens it here).</source>
            <translation>پرونده‌ای را در کارتابل انتخاب کنید (Enter آن را اینجا باز می‌کند).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Case file…</source>
            <translation>پرونده…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The whole case: applicant, property, documents, route history</source>
            <translation>همه پرونده: متقاضی، ملک، مدارک، گردش کار</translation>
        </message>
        <message>
            <location line="+78" />
            <source>Workflow:</source>
            <translation>گردش کار:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No workflow step of yours here now.</source>
            <translation>در این مرحله اقدامی از شما برنمی‌آید.</translation>
        </message>
    </context>
    <context>
        <name>CatalogPanel</name>
        <message>
            <location filename="../app/ui/units/admin/catalog.py" line="+25" />
            <source>Services, documents and fees come from the catalog; each service's deadline can be changed here (working days).</source>
            <translation>خدمات، مدارک و هزینه‌ها از فهرست خدمات می‌آید؛ مهلت هر خدمت (روز کاری) را اینجا می‌توان تغییر داد.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Code</source>
            <translation>کد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Documents</source>
            <translation>مدارک</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Catalog deadline</source>
            <translation>مهلت فهرست</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deadline in force</source>
            <translation>مهلت جاری</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Deadline of the chosen service (working days):</source>
            <translation>مهلت خدمت انتخاب‌شده (روز کاری):</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Set deadline</source>
            <translation>ثبت مهلت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Back to the catalog's</source>
            <translation>بازگشت به مهلت فهرست</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Choose a service in the table first.</source>
            <translation>ابتدا خدمتی را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Saved: new cases of this service get the new deadline.</source>
            <translation>ذخیره شد: پرونده‌های تازه این خدمت مهلت جدید را می‌گیرند.</translation>
        </message>
    </context>
    <context>
        <name>CertificateDraftsPanel</name>
        <message>
            <location filename="../app/ui/units/certificates/drafts.py" line="+92" />
            <source>approved, not printed</source>
            <translation>تاییدشده، چاپ‌نشده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>printed, not issued</source>
            <translation>چاپ‌شده، صادرنشده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>issued</source>
            <translation>صادرشده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>revoked</source>
            <translation>ابطال‌شده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>void</source>
            <translation>باطل (بازگشت داده شد)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Certificate</source>
            <translation>گواهی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial</source>
            <translation>سریال</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose a certificate case from the list.</source>
            <translation>یک پروندهٔ گواهی را از فهرست انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Certificate no.</source>
            <translation>گواهی شمارهٔ</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Documents and preconditions</source>
            <translation>مدارک و پیش‌شرط‌ها</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Draft</source>
            <translation>پیش‌نویس</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Land area (m²)</source>
            <translation>مساحت عرصه (مترمربع)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floor area (m²)</source>
            <translation>زیربنا (مترمربع)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floors</source>
            <translation>تعداد طبقات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Units</source>
            <translation>تعداد واحد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Land use</source>
            <translation>کاربری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Building permit no.</source>
            <translation>شمارهٔ پروانهٔ ساختمانی</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Conditions:</source>
            <translation>شرایط و توضیحات:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Save draft (Ctrl+S)</source>
            <translation>ذخیرهٔ پیش‌نویس (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Documents completed</source>
            <translation>تکمیل مدارک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submit for approval</source>
            <translation>ارسال برای تایید</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return with deficiency</source>
            <translation>بازگشت به علت کسری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>رد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Approve</source>
            <translation>تایید</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return to the expert</source>
            <translation>بازگشت به کارشناس</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print…</source>
            <translation>چاپ…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue</source>
            <translation>صدور</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoke</source>
            <translation>ابطال</translation>
        </message>
        <message>
            <location line="+86" />
            <source>No certificate approved yet.</source>
            <translation>هنوز گواهی‌ای تایید نشده است.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>approved by %1 on %2</source>
            <translation>تاییدشده به دست %1 در %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>revocation reason: %1</source>
            <translation>علت ابطال: %1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>(if applicable)</source>
            <translation>(در صورت لزوم)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Missing: %1</source>
            <translation>کسری: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Every document and precondition is in place.</source>
            <translation>همهٔ مدارک و پیش‌شرط‌ها کامل است.</translation>
        </message>
    </context>
    <context>
        <name>CertificatesTab</name>
        <message>
            <location filename="../app/ui/units/certificates/__init__.py" line="+14" />
            <source>Certificates</source>
            <translation>پیش‌نویس گواهی</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Certificate drafts</source>
            <translation>پیش‌نویس گواهی</translation>
        </message>
    </context>
    <context>
        <name>ChartsPanel</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="+163" />
            <source>Show</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Report as PDF</source>
            <translation>گزارش PDF</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Report as Excel</source>
            <translation>گزارش اکسل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Report as CSV</source>
            <translation>گزارش CSV</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Daily intake and completions</source>
            <translation>ورودی و تکمیل روزانه پرونده‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cases opened</source>
            <translation>پرونده‌های تشکیل شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Completed</source>
            <translation>تکمیل شده</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Average office hours per stage</source>
            <translation>میانگین ساعت اداری هر مرحله</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours</source>
            <translation>ساعت</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Open cases per unit</source>
            <translation>پرونده‌های باز هر واحد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open cases</source>
            <translation>پرونده باز</translation>
        </message>
        <message>
            <location line="+31" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Excel (*.xlsx)</source>
            <translation>اکسل (*.xlsx)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the report</source>
            <translation>ذخیره گزارش</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Report saved: %1</source>
            <translation>گزارش ذخیره شد: %1</translation>
        </message>
    </context>
    <context>
        <name>CitizenPanel</name>
        <message>
            <location line="-247" />
            <source>Tracking number, national ID or mobile</source>
            <translation>کد رهگیری، کد ملی یا شماره همراه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Find</source>
            <translation>جست‌وجو</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Citizen's number:</source>
            <translation>شماره شهروند:</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+22" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert</source>
            <translation>کارشناس</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Days in stage</source>
            <translation>روز در این مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deadline</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log the call or visit</source>
            <translation>ثبت تماس یا مراجعه</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+78" />
            <source>Phone call</source>
            <translation>تماس تلفنی</translation>
        </message>
        <message>
            <location line="-77" />
            <location line="+77" />
            <source>Visit</source>
            <translation>مراجعه حضوری</translation>
        </message>
        <message>
            <location line="-72" />
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Channel:</source>
            <translation>نوع ارتباط:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Caller:</source>
            <translation>نام مراجعه‌کننده:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What was said:</source>
            <translation>پاسخ داده شده:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Channel</source>
            <translation>نوع ارتباط</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Caller</source>
            <translation>مراجعه‌کننده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>توضیح</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answered by</source>
            <translation>پاسخ‌دهنده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Calls and visits of the last week:</source>
            <translation>تماس‌ها و مراجعه‌های هفته گذشته:</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No case file was found.</source>
            <translation>پرونده‌ای پیدا نشد.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Find the citizen's file first.</source>
            <translation>ابتدا پرونده شهروند را پیدا کنید.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Saved.</source>
            <translation>ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsPanel</name>
        <message>
            <location filename="../app/ui/units/audit/__init__.py" line="-161" />
            <source>Register a complaint</source>
            <translation>ثبت شکایت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Complaint</source>
            <translation>شکایت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dispute</source>
            <translation>اختلاف</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Misconduct</source>
            <translation>تخلف اداری</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Register</source>
            <translation>ثبت</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kind:</source>
            <translation>نوع تخلف:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Complainant:</source>
            <translation>شاکی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Staff member:</source>
            <translation>کارمند:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description:</source>
            <translation>شرح:</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+35" />
            <source>Registered</source>
            <translation>ثبت شده</translation>
        </message>
        <message>
            <location line="-35" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Staff member</source>
            <translation>کارمند</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Complainant</source>
            <translation>شاکی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Description</source>
            <translation>شرح</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Findings</source>
            <translation>نتیجه بررسی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolution</source>
            <translation>نتیجه رسیدگی</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Findings or resolution</source>
            <translation>نتیجه بررسی یا رسیدگی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Investigate</source>
            <translation>شروع بررسی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolve</source>
            <translation>مختومه کردن</translation>
        </message>
        <message>
            <location line="+19" />
            <source>(none)</source>
            <translation>(هیچ‌کدام)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Investigating</source>
            <translation>در حال بررسی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved</source>
            <translation>رسیدگی شده</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Registered.</source>
            <translation>ثبت شد.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose a complaint in the table first.</source>
            <translation>ابتدا شکایتی را در جدول انتخاب کنید.</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <location filename="../app/ui/conflicts_panel.py" line="+63" />
            <source>Sync conflicts</source>
            <translation>تعارض‌های همگام‌سازی</translation>
        </message>
        <message>
            <location line="+5" />
            <source>These changes made on this workstation were not accepted by the central server. The case now shows the server's state.</source>
            <translation>این تغییرات که در این ایستگاه کاری انجام شده بود در سرور مرکزی پذیرفته نشد. پرونده اکنون وضعیت ثبت‌شده در سرور را نشان می‌دهد.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>When</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Case</source>
            <translation>پرونده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not done</source>
            <translation>انجام‌نشده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The other action</source>
            <translation>اقدام دیگر</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+15" />
            <source>No conflicts.</source>
            <translation>تعارضی وجود ندارد.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open case</source>
            <translation>باز کردن پرونده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark as seen</source>
            <translation>دیده شد</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Mark all as seen</source>
            <translation>علامت‌گذاری همه به‌عنوان دیده‌شده</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Seen</source>
            <translation>دیده‌شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New</source>
            <translation>جدید</translation>
        </message>
        <message>
            <location line="+34" />
            <source>A change</source>
            <translation>یک تغییر</translation>
        </message>
        <message>
            <location line="+5" />
            <source>(not on this workstation)</source>
            <translation>(در این ایستگاه کاری نیست)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>another user</source>
            <translation>کاربری دیگر</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The case is now at «%1».</source>
            <translation>پرونده اکنون در مرحلهٔ «%1» است.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not done either: %1.</source>
            <translation>این اقدام‌ها هم انجام نشد: %1.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>workstation %1</source>
            <translation>ایستگاه کاری %1</translation>
        </message>
    </context>
    <context>
        <name>Consultation</name>
        <message>
            <location filename="../app/ui/units/consultation/__init__.py" line="+41" />
            <source>Detailed plan</source>
            <translation>طرح تفصیلی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Municipal laws</source>
            <translation>قوانین شهرداری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A case's problem</source>
            <translation>مشکل پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>سایر</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Citizen</source>
            <translation>شهروند</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert or engineer</source>
            <translation>کارشناس یا مهندس</translation>
        </message>
    </context>
    <context>
        <name>ConsultationTab</name>
        <message>
            <location line="+359" />
            <source>Consultation</source>
            <translation>مشاوره</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Consultation log</source>
            <translation>دفتر مشاوره‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Detailed-plan zones</source>
            <translation>پهنه‌های طرح تفصیلی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Knowledge base</source>
            <translation>بانک پاسخ‌ها</translation>
        </message>
    </context>
    <context>
        <name>CorrespondencePanel</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="+369" />
            <source>All agencies</source>
            <translation>همه ادارات</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+31" />
            <source>Agency:</source>
            <translation>اداره:</translation>
        </message>
        <message>
            <location line="-24" />
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Agency</source>
            <translation>اداره</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction</source>
            <translation>نوع نامه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Secretariat number</source>
            <translation>شماره دبیرخانه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In reply to</source>
            <translation>پاسخ به نامه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answered</source>
            <translation>تاریخ پاسخ</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Log a letter</source>
            <translation>ثبت نامه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(choose)</source>
            <translation>(انتخاب کنید)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Log the letter</source>
            <translation>ثبت نامه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Direction:</source>
            <translation>نوع نامه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secretariat number:</source>
            <translation>شماره دبیرخانه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letter date:</source>
            <translation>تاریخ نامه:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject:</source>
            <translation>موضوع:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In reply to:</source>
            <translation>پاسخ به نامه:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes:</source>
            <translation>توضیحات:</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not yet</source>
            <translation>هنوز نه</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(none)</source>
            <translation>(هیچ‌کدام)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The letter was logged.</source>
            <translation>نامه ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>DateRange</name>
        <message>
            <location filename="../app/ui/units/followup/widgets.py" line="+185" />
            <source>From:</source>
            <translation>از:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To:</source>
            <translation>تا:</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesPanel</name>
        <message>
            <location filename="../app/ui/units/violation/workbench.py" line="+486" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ruling no.</source>
            <translation>شماره رای</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Served on</source>
            <translation>تاریخ ابلاغ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deadline</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Days left</source>
            <translation>روز مانده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection</source>
            <translation>اعتراض</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Objection deadline (days after service):</source>
            <translation>مهلت اعتراض (روز پس از ابلاغ):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <location line="+24" />
            <source>sent</source>
            <translation>ارسال شده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>passed</source>
            <translation>گذشته</translation>
        </message>
        <message>
            <location line="+0" />
            <source>deadline passed</source>
            <translation>مهلت گذشته</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not sent</source>
            <translation>ارسال نشده</translation>
        </message>
    </context>
    <context>
        <name>DeficiencyDialog</name>
        <message>
            <location filename="../app/ui/units/inspection/visit.py" line="+647" />
            <source>Return with deficiency</source>
            <translation>بازگشت به علت کسری</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What is missing?</source>
            <translation>چه چیزی کسری است؟</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Other missing items, for the citizen to be called</source>
            <translation>سایر کسری‌ها، برای تماس با متقاضی</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <location line="+19" />
            <source>Send to the district</source>
            <translation>ارسال به منطقه</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Letter number:</source>
            <translation>شماره نامه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letter date:</source>
            <translation>تاریخ نامه:</translation>
        </message>
    </context>
    <context>
        <name>DocumentViewerDialog</name>
        <message>
            <location filename="../app/ui/units/archive/dialogs.py" line="+51" />
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
        <message>
            <location line="+1" />
            <source>%1 pages</source>
            <translation>%1 صفحه</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
    </context>
    <context>
        <name>DocumentsBox</name>
        <message>
            <location filename="../app/ui/units/renovation/common.py" line="+54" />
            <source>Documents</source>
            <translation>مدارک</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open the full case</source>
            <translation>نمایش کامل پرونده</translation>
        </message>
    </context>
    <context>
        <name>DocumentsSection</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="+59" />
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
        <name>DraftPanel</name>
        <message>
            <location filename="../app/ui/units/permits/draft.py" line="+86" />
            <source>Permit drafts in the unit</source>
            <translation>پیش‌نویس‌های پروانهٔ واحد</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Choose a case.</source>
            <translation>پرونده‌ای را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Checklist</source>
            <translation>چک‌لیست</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Technical ID number</source>
            <translation>شماره شناسنامه فنی</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Building technical ID:</source>
            <translation>شناسنامه فنی ساختمان:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Supervising engineers</source>
            <translation>مهندسان ناظر</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Discipline</source>
            <translation>رشته</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>نام</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Engineering-organisation number</source>
            <translation>شماره عضویت نظام مهندسی</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Add engineer</source>
            <translation>افزودن مهندس</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove engineer</source>
            <translation>حذف مهندس</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Permit figures</source>
            <translation>مشخصات پروانه</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Notes:</source>
            <translation>توضیحات:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Save draft</source>
            <translation>ذخیرهٔ پیش‌نویس</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print draft sheet</source>
            <translation>چاپ برگ پیش‌نویس</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Actions</source>
            <translation>اقدام‌ها</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Save the draft (Ctrl+S)</source>
            <translation>ذخیرهٔ پیش‌نویس (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the draft sheet (Ctrl+P)</source>
            <translation>چاپ برگ پیش‌نویس (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Fees and payment</source>
            <translation>مبالغ و پرداخت</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Structure:</source>
            <translation>نوع سازه:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Steel or concrete</source>
            <translation>اسکلت فلزی یا بتنی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Masonry</source>
            <translation>بنایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>سایر</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Compute fees</source>
            <translation>محاسبه عوارض</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print payment slip</source>
            <translation>چاپ فیش پرداخت</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Fee</source>
            <translation>عنوان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount</source>
            <translation>مبلغ</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+145" />
            <source>Paid</source>
            <translation>پرداخت شده</translation>
        </message>
        <message>
            <location line="-135" />
            <source>Paid by:</source>
            <translation>روش پرداخت:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Slip payment ID</source>
            <translation>شناسه پرداخت فیش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank reference</source>
            <translation>شماره مرجع بانک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal</source>
            <translation>کارت‌خوان</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Payment ID, barcode or reference number</source>
            <translation>شناسه پرداخت، بارکد فیش یا شماره مرجع</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record payment</source>
            <translation>ثبت پرداخت</translation>
        </message>
        <message>
            <location line="+110" />
            <source>Still missing: %1</source>
            <translation>هنوز مانده است: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The draft is complete.</source>
            <translation>پیش‌نویس کامل است.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Unpaid</source>
            <translation>پرداخت نشده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The fees are not computed yet.</source>
            <translation>عوارض این پرونده هنوز محاسبه نشده است.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unpaid: %1 — bill ID %2, payment ID %3</source>
            <translation>پرداخت‌نشده: %1 — شناسه قبض %2، شناسه پرداخت %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>All fees are paid.</source>
            <translation>همه عوارض پرداخت شده است.</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Permit draft sheet</source>
            <translation>برگ پیش‌نویس پروانه</translation>
        </message>
    </context>
    <context>
        <name>FeesTable</name>
        <message>
            <location filename="../app/ui/units/renovation/common.py" line="-158" />
            <source>Fee</source>
            <translation>عنوان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount</source>
            <translation>مبلغ</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+15" />
            <source>Paid</source>
            <translation>پرداخت شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Not paid</source>
            <translation>پرداخت نشده</translation>
        </message>
    </context>
    <context>
        <name>FieldHistoryBox</name>
        <message>
            <location filename="../app/ui/conflicts_panel.py" line="+39" />
            <source>History of changes</source>
            <translation>تاریخچهٔ تغییرات</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Two workstations changed the same field; the later change was kept and the other is listed here.</source>
            <translation>دو ایستگاه کاری یک فیلد را تغییر داده بودند؛ تغییر دیرتر ماند و دیگری در این فهرست آمده است.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>When</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>فیلد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value kept</source>
            <translation>مقدار ماندگار</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Value replaced</source>
            <translation>مقدار جایگزین‌شده</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Summary</source>
            <translation>خلاصه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case facts</source>
            <translation>اطلاعات پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Property</source>
            <translation>ملک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due date</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document received</source>
            <translation>دریافت مدرک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Amount</source>
            <translation>مبلغ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deleted</source>
            <translation>حذف‌شده</translation>
        </message>
        <message>
            <location line="+8" />
            <source>yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>خیر</translation>
        </message>
    </context>
    <context>
        <name>FirmsPanel</name>
        <message>
            <location filename="../app/ui/units/plan_approval/workbench.py" line="+384" />
            <source>Firm</source>
            <translation>شرکت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Registration no.</source>
            <translation>شماره ثبت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>تلفن</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>نشانی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Firm name:</source>
            <translation>نام شرکت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Engineering-organisation registration no.:</source>
            <translation>شماره ثبت در نظام مهندسی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone:</source>
            <translation>تلفن:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address:</source>
            <translation>نشانی:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Register the firm</source>
            <translation>ثبت شرکت معمار</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Activate / deactivate the chosen firm</source>
            <translation>فعال یا غیرفعال کردن شرکت انتخاب‌شده</translation>
        </message>
        <message>
            <location line="+20" />
            <source>active</source>
            <translation>فعال</translation>
        </message>
        <message>
            <location line="+0" />
            <source>inactive</source>
            <translation>غیرفعال</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Choose the firm in the table.</source>
            <translation>شرکت را در جدول انتخاب کنید.</translation>
        </message>
    </context>
    <context>
        <name>FollowupTab</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="+169" />
            <source>Follow-up</source>
            <translation>نظارت و پیگیری</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Overdue work</source>
            <translation>کارهای عقب‌افتاده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File journey</source>
            <translation>گردش پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Citizens' calls</source>
            <translation>پاسخ به مراجعان</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bottlenecks</source>
            <translation>گلوگاه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Charts and reports</source>
            <translation>نمودارها و گزارش‌ها</translation>
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
        <name>HistoryTree</name>
        <message>
            <location filename="../app/ui/units/renovation/common.py" line="+10" />
            <source>When</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>اقدام</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>مرحله</translation>
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
    </context>
    <context>
        <name>HolidaysPanel</name>
        <message>
            <location filename="../app/ui/units/admin/holidays.py" line="+24" />
            <source>Year:</source>
            <translation>سال:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Fridays are always off. Deadlines count working days only.</source>
            <translation>جمعه‌ها همیشه تعطیل است. مهلت‌ها فقط با روزهای کاری شمرده می‌شود.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Weekday</source>
            <translation>روز هفته</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Occasion</source>
            <translation>مناسبت</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Day:</source>
            <translation>روز:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Occasion:</source>
            <translation>مناسبت:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Add holiday</source>
            <translation>افزودن تعطیلی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove the chosen day</source>
            <translation>حذف روز انتخاب‌شده</translation>
        </message>
        <message>
            <location line="+54" />
            <source>%1 holidays</source>
            <translation>%1 روز تعطیل</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Enter the day like 1404/01/12.</source>
            <translation>روز را مانند ۱۴۰۴/۰۱/۱۲ وارد کنید.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Saved. Deadlines now count with the new table.</source>
            <translation>ذخیره شد. مهلت‌ها از این پس با جدول تازه شمرده می‌شود.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Choose a day in the table first.</source>
            <translation>ابتدا روزی را در جدول انتخاب کنید.</translation>
        </message>
    </context>
    <context>
        <name>InspectionTab</name>
        <message>
            <location filename="../app/ui/units/inspection/__init__.py" line="+34" />
            <source>Inspection</source>
            <translation>بازدید</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Visit form and sketch</source>
            <translation>فرم بازدید و کروکی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calendar and day list</source>
            <translation>تقویم و برنامه روزانه</translation>
        </message>
        <message>
            <location line="+27" />
            <source>area differs from the deed</source>
            <translation>اختلاف مساحت با سند</translation>
        </message>
    </context>
    <context>
        <name>IntakePanel</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="+106" />
            <source>3. Service</source>
            <translation>۳. خدمت</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Type the first letters of a unit or a service to find it</source>
            <translation>برای یافتن، حروف اول نام واحد یا خدمت را تایپ کنید</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Open case (Ctrl+Enter)</source>
            <translation>تشکیل پرونده (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>JourneyPanel</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="-460" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show journey</source>
            <translation>نمایش گردش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Entered</source>
            <translation>ورود</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Left</source>
            <translation>خروج</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Expert</source>
            <translation>کارشناس</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Office hours</source>
            <translation>ساعت اداری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Working days</source>
            <translation>روز کاری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Allowed days</source>
            <translation>مهلت (روز)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deadline</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+24" />
            <source>On time so far</source>
            <translation>تاکنون در مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nearly due</source>
            <translation>نزدیک مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>از مهلت گذشته</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done in time</source>
            <translation>در مهلت انجام شد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Done late</source>
            <translation>با تأخیر انجام شد</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(still here)</source>
            <translation>(هنوز در این مرحله)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 — %2 — %3; now: %4 (%5); %6 working days in all</source>
            <translation>%1 — %2 — %3؛ اکنون: %4 (%5)؛ در مجموع %6 روز کاری</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Working days per unit: %1</source>
            <translation>روز کاری در هر واحد: %1</translation>
        </message>
    </context>
    <context>
        <name>KnowledgePanel</name>
        <message>
            <location filename="../app/ui/units/consultation/__init__.py" line="-82" />
            <source>Words of the question or the answer</source>
            <translation>واژه‌هایی از پرسش یا پاسخ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All topics</source>
            <translation>همه موضوع‌ها</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Find</source>
            <translation>جست‌وجو</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search:</source>
            <translation>جست‌وجو:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Answered</source>
            <translation>تاریخ پاسخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Topic</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Question</source>
            <translation>پرسش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answer</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Zone</source>
            <translation>پهنه</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Nothing was found; try fewer words.</source>
            <translation>چیزی پیدا نشد؛ با واژه‌های کمتری جست‌وجو کنید.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Question:</source>
            <translation>پرسش:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reply:</source>
            <translation>پاسخ:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Asked by %1, answered by %2</source>
            <translation>پرسش از %1، پاسخ از %2</translation>
        </message>
    </context>
    <context>
        <name>Liaison</name>
        <message>
            <location filename="../app/ui/units/liaison/__init__.py" line="-222" />
            <source>File follow-up at the district</source>
            <translation>پیگیری پرونده در شهرداری منطقه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Solving a file's problem</source>
            <translation>رفع مشکل پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Special follow-up</source>
            <translation>پیگیری ویژه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Green-space follow-up</source>
            <translation>پیگیری فضای سبز ناحیه</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Open, overdue</source>
            <translation>باز، از مهلت گذشته</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open</source>
            <translation>باز</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Done late</source>
            <translation>با تأخیر انجام شد</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Done in time</source>
            <translation>در مهلت انجام شد</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancelled</source>
            <translation>لغو شده</translation>
        </message>
    </context>
    <context>
        <name>LiaisonTab</name>
        <message>
            <location line="+258" />
            <source>Liaisons</source>
            <translation>رابطین شهرداری</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Liaisons' tasks</source>
            <translation>کارهای رابطین</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervision of liaisons</source>
            <translation>نظارت بر کار رابطین</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My tasks</source>
            <translation>کارهای من</translation>
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
        <name>LogPanel</name>
        <message>
            <location filename="../app/ui/units/audit/__init__.py" line="-224" />
            <source>User name</source>
            <translation>نام کاربری</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../app/ui/units/consultation/__init__.py" line="-297" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Action (e.g. case.)</source>
            <translation>اقدام (مثلاً case.)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Filter</source>
            <translation>صافی</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Verify the chain</source>
            <translation>بررسی زنجیره رویدادها</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export CSV</source>
            <translation>خروجی CSV</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export Excel</source>
            <translation>خروجی اکسل</translation>
        </message>
        <message>
            <location line="+9" />
            <location filename="../app/ui/units/consultation/__init__.py" line="-1" />
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User</source>
            <translation>کاربر</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>اقدام</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Details</source>
            <translation>جزئیات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workstation / entry</source>
            <translation>ایستگاه / ردیف</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The chain is intact: %1 entries checked.</source>
            <translation>زنجیره رویدادها سالم است: %1 رویداد بررسی شد.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the entry was changed</source>
            <translation>رویداد تغییر داده شده است</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the link was changed</source>
            <translation>پیوند زنجیره تغییر داده شده است</translation>
        </message>
        <message>
            <location line="+1" />
            <source>entries are missing</source>
            <translation>رویدادهایی حذف شده‌اند</translation>
        </message>
        <message>
            <location line="+0" />
            <source>an entry was inserted</source>
            <translation>رویدادی افزوده شده است</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chain is broken at entry %1 of workstation %2: %3.</source>
            <translation>زنجیره در رویداد %1 ایستگاه %2 گسسته است: %3.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Stored now: %1, %2, %3.</source>
            <translation>اکنون ثبت‌شده: %1، %2، %3.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export the audit log</source>
            <translation>خروجی رویدادهای سامانه</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Saved: %1</source>
            <translation>ذخیره شد: %1</translation>
        </message>
        <message>
            <location filename="../app/ui/units/consultation/__init__.py" line="-9" />
            <source>Unanswered only</source>
            <translation>فقط بی‌پاسخ‌ها</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Asked by</source>
            <translation>پرسش‌کننده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Topic</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Question</source>
            <translation>پرسش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answer</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zone</source>
            <translation>پهنه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Consultant</source>
            <translation>مشاور</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New consultation</source>
            <translation>ثبت مشاوره تازه</translation>
        </message>
        <message>
            <location line="+6" />
            <source>(choose)</source>
            <translation>(انتخاب کنید)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Save the consultation</source>
            <translation>ثبت مشاوره</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Asked by:</source>
            <translation>پرسش‌کننده:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who:</source>
            <translation>نوع پرسش‌کننده:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic:</source>
            <translation>موضوع:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zone:</source>
            <translation>پهنه:</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+11" />
            <source>Question:</source>
            <translation>پرسش:</translation>
        </message>
        <message>
            <location line="-10" />
            <location line="+11" />
            <source>Reply:</source>
            <translation>پاسخ:</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Answer the selected consultation</source>
            <translation>پاسخ به مشاوره انتخاب‌شده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save the answer</source>
            <translation>ثبت پاسخ</translation>
        </message>
        <message>
            <location line="+23" />
            <source>(not answered)</source>
            <translation>(بی‌پاسخ)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 consultations, %2 unanswered</source>
            <translation>%1 مشاوره، %2 بی‌پاسخ</translation>
        </message>
        <message>
            <location line="+27" />
            <source>The consultation was saved.</source>
            <translation>مشاوره ثبت شد.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose a consultation in the table first.</source>
            <translation>ابتدا مشاوره‌ای را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The answer was saved.</source>
            <translation>پاسخ ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../app/ui/login_dialog.py" line="+27" />
            <location line="+36" />
            <source>Sign in</source>
            <translation>ورود</translation>
        </message>
        <message>
            <location line="-32" />
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
            <location line="+26" />
            <source>Enter your user name and password.</source>
            <translation>نام کاربری و گذرواژه را وارد کنید.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Checking with the central server…</source>
            <translation>در حال بررسی با سرور مرکزی…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The central server cannot be reached: only users who signed in on this workstation before can sign in now.</source>
            <translation>سرور مرکزی در دسترس نیست؛ اکنون فقط کاربرانی می‌توانند وارد شوند که پیش‌تر در این ایستگاه کاری وارد شده‌اند.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../app/ui/main_window.py" line="+83" />
            <source>E-city counter</source>
            <translation>میز خدمت دفتر شهر الکترونیک</translation>
        </message>
        <message>
            <location line="+30" />
            <source>&amp;File</source>
            <translation>&amp;پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Search cases…</source>
            <translation>&amp;جست‌وجوی پرونده‌ها…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Sign &amp;out</source>
            <translation>&amp;خروج از حساب</translation>
        </message>
        <message>
            <location line="+7" />
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
            <location line="+106" />
            <source>Unsaved work</source>
            <translation>کار ذخیره‌نشده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>These tabs hold work that is not saved: %1. Leave it?</source>
            <translation>در این زبانه‌ها کار ذخیره‌نشده هست: %1. بدون ذخیره خارج می‌شوید؟</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leave without saving</source>
            <translation>خروج بدون ذخیره</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stay</source>
            <translation>ماندن</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No case with tracking number %1</source>
            <translation>پرونده‌ای با کد رهگیری %1 پیدا نشد</translation>
        </message>
        <message>
            <location line="+36" />
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
            <location line="+2" />
            <source>The two passwords are not the same.</source>
            <translation>دو گذرواژه یکسان نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{day} is already in the holiday table.</source>
            <translation>روز {day} پیش‌تر در جدول تعطیلات ثبت شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The tariff table of {year} already exists; edit it instead.</source>
            <translation>جدول تعرفه سال {year} پیش‌تر ثبت شده است؛ همان را ویرایش کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A deadline is between 1 and {maximum} working days.</source>
            <translation>مهلت باید بین ۱ و {maximum} روز کاری باشد.</translation>
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
            <location line="+85" />
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
            <source>the approved certificate printed with its signed QR</source>
            <translation>چاپ گواهی تاییدشده با کد QR امضاشده</translation>
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
        <name>MyCircularsPanel</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="-164" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Number</source>
            <translation>شماره</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Issuer</source>
            <translation>مرجع صادرکننده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In force from</source>
            <translation>تاریخ اجرا</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I acknowledged it</source>
            <translation>رؤیت من</translation>
        </message>
        <message>
            <location line="+7" />
            <source>I have read it</source>
            <translation>رؤیت کردم</translation>
        </message>
        <message>
            <location line="+18" />
            <source>(not yet)</source>
            <translation>(هنوز نه)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 circulars for your units, %2 not acknowledged yet</source>
            <translation>%1 بخشنامه برای واحدهای شما، %2 بخشنامه هنوز رؤیت نشده</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Choose a circular in the table first.</source>
            <translation>ابتدا بخشنامه‌ای را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Acknowledged.</source>
            <translation>رؤیت ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>MyTasksPanel</name>
        <message>
            <location filename="../app/ui/units/liaison/__init__.py" line="-236" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Task</source>
            <translation>کار</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>District</source>
            <translation>منطقه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Municipal expert</source>
            <translation>کارشناس شهرداری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due date</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Outcome of the selected task</source>
            <translation>نتیجه کار انتخاب‌شده</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Outcome:</source>
            <translation>نتیجه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note:</source>
            <translation>توضیح:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Record the outcome and close</source>
            <translation>ثبت نتیجه و بستن کار</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add the note</source>
            <translation>افزودن یادداشت</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1 open tasks, %2 overdue</source>
            <translation>%1 کار باز، %2 کار از مهلت گذشته</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Notes: %1</source>
            <translation>یادداشت‌ها: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Choose a task in the table first.</source>
            <translation>ابتدا کاری را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Saved.</source>
            <translation>ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>NewRequestPanel</name>
        <message>
            <location filename="../app/ui/units/renovation/__init__.py" line="-496" />
            <source>Service:</source>
            <translation>خدمت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant's national ID:</source>
            <translation>کد ملی متقاضی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renovation code:</source>
            <translation>کد نوسازی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Documents received:</source>
            <translation>مدارک دریافت‌شده:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note:</source>
            <translation>توضیح:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open the request</source>
            <translation>تشکیل پرونده درخواست</translation>
        </message>
        <message>
            <location line="+47" />
            <location line="+14" />
            <source>Not registered (register at intake)</source>
            <translation>ثبت نشده است (در پذیرش ثبت کنید)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Find the applicant by national ID first.</source>
            <translation>ابتدا متقاضی را با کد ملی پیدا کنید.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Request %1 opened.</source>
            <translation>پرونده %1 تشکیل شد.</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <location filename="../app/ui/case_view.py" line="-342" />
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
        <name>ObjectionCartableModel</name>
        <message>
            <location filename="../app/ui/units/violation/workbench.py" line="+47" />
            <source>objection deadline passed</source>
            <translation>مهلت اعتراض گذشته</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 days to object</source>
            <translation>%1 روز تا پایان مهلت اعتراض</translation>
        </message>
    </context>
    <context>
        <name>OverduePanel</name>
        <message>
            <location filename="../app/ui/units/followup/__init__.py" line="+13" />
            <source>Overdue and nearly due</source>
            <translation>از مهلت گذشته و نزدیک مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue only</source>
            <translation>فقط از مهلت گذشته</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nearly due only</source>
            <translation>فقط نزدیک مهلت</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show:</source>
            <translation>نمایش:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Service</source>
            <translation>خدمت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>مرحله</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+7" />
            <source>Unit</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="-6" />
            <location line="+7" />
            <source>Expert</source>
            <translation>کارشناس</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Deadline</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Working days left</source>
            <translation>روز کاری مانده</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+1" />
            <source>Overdue</source>
            <translation>از مهلت گذشته</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+1" />
            <source>Nearly due</source>
            <translation>نزدیک مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per unit</source>
            <translation>به تفکیک واحد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Per expert</source>
            <translation>به تفکیک کارشناس</translation>
        </message>
        <message>
            <location line="+25" />
            <source>%1 days late</source>
            <translation>%1 روز تأخیر</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 overdue, %2 nearly due</source>
            <translation>%1 پرونده از مهلت گذشته، %2 پرونده نزدیک مهلت</translation>
        </message>
    </context>
    <context>
        <name>PaymentBox</name>
        <message>
            <location filename="../app/ui/units/renovation/common.py" line="+27" />
            <source>Record the payment</source>
            <translation>ثبت پرداخت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Payment ID of the slip</source>
            <translation>شناسه پرداخت فیش</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bank reference number</source>
            <translation>شماره مرجع بانک</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Card terminal trace number</source>
            <translation>شماره پیگیری کارت‌خوان</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Payment ID, barcode or reference</source>
            <translation>شناسه پرداخت، بارکد یا شماره مرجع</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record payment</source>
            <translation>ثبت پرداخت</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Paid by:</source>
            <translation>روش پرداخت:</translation>
        </message>
    </context>
    <context>
        <name>PermitsTab</name>
        <message>
            <location filename="../app/ui/units/permits/__init__.py" line="+14" />
            <source>Permit drafts</source>
            <translation>پیش‌نویس پروانه</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Draft</source>
            <translation>پیش‌نویس</translation>
        </message>
    </context>
    <context>
        <name>PileDialog</name>
        <message>
            <location filename="../app/ui/units/archive/dialogs.py" line="+38" />
            <source>Split by separator sheets</source>
            <translation>تفکیک با برگ جداکننده</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>متقاضی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pages</source>
            <translation>صفحه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Before the first separator sheet: no case</source>
            <translation>پیش از نخستین برگ جداکننده: بدون پرونده</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No case with this tracking number here</source>
            <translation>پرونده‌ای با این کد رهگیری در این ایستگاه نیست</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No pages behind this sheet</source>
            <translation>پشت این برگ صفحه‌ای نیست</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ready</source>
            <translation>آماده</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Some pages have no case. Delete them from the strip or put the right separator sheet in front of them and scan again; nothing is saved until every page has its case.</source>
            <translation>برخی صفحه‌ها پرونده ندارند. آن‌ها را از نوار صفحه‌ها حذف کنید یا برگ جداکنندهٔ درست را جلویشان بگذارید و دوباره اسکن کنید؛ تا هر صفحه پرونده‌اش را نداشته باشد چیزی ذخیره نمی‌شود.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 documents for %2 cases will be saved.</source>
            <translation>%1 سند در %2 پرونده ذخیره می‌شود.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Save into the cases</source>
            <translation>ذخیره در پرونده‌ها</translation>
        </message>
    </context>
    <context>
        <name>PlanApprovalTab</name>
        <message>
            <location filename="../app/ui/units/plan_approval/__init__.py" line="+15" />
            <source>Plan approval</source>
            <translation>تایید نقشه</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Plan review</source>
            <translation>کنترل نقشه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Architect firms</source>
            <translation>شرکت‌های معمار</translation>
        </message>
    </context>
    <context>
        <name>PlanWorkbench</name>
        <message>
            <location filename="../app/ui/units/plan_approval/workbench.py" line="-386" />
            <source>Plan order</source>
            <translation>دستور نقشه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plans and review</source>
            <translation>نقشه‌ها و کنترل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Green space and fire referrals</source>
            <translation>استعلام فضای سبز و آتش‌نشانی</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Zone (detailed plan):</source>
            <translation>پهنه (طرح تفصیلی):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Permitted uses:</source>
            <translation>کاربری‌های مجاز:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Land area after the corrected line (m²):</source>
            <translation>مساحت زمین پس از اصلاحی (مترمربع):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Density (% of land):</source>
            <translation>تراکم (درصد زمین):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floors:</source>
            <translation>تعداد طبقات:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site coverage (%):</source>
            <translation>سطح اشغال (درصد):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Parking spaces per unit:</source>
            <translation>پارکینگ برای هر واحد:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Maximum height (m, optional):</source>
            <translation>حداکثر ارتفاع (متر، اختیاری):</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Fill from the zone</source>
            <translation>پر کردن از ضوابط پهنه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the plan order</source>
            <translation>ذخیره دستور نقشه</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The property has no known zone or deed area.</source>
            <translation>پهنه یا مساحت سند ملک ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Architect firm</source>
            <translation>شرکت معمار</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration no.</source>
            <translation>شماره ثبت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sheets</source>
            <translation>تعداد برگ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returned with</source>
            <translation>اشکالات اعلام‌شده</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Record the submission</source>
            <translation>ثبت دریافت نقشه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Firm:</source>
            <translation>شرکت:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sheets:</source>
            <translation>تعداد برگ:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Review checklist</source>
            <translation>چک‌لیست کنترل نقشه</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Save the checklist</source>
            <translation>ذخیره چک‌لیست</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Decision</source>
            <translation>تصمیم</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Comments for the architect firm, or the reason of a rejection</source>
            <translation>اشکالات نقشه برای شرکت معمار، یا علت رد</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Approve and send the referrals</source>
            <translation>تایید نقشه‌ها و ارسال استعلام‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return to the firm</source>
            <translation>بازگشت به شرکت معمار</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>رد</translation>
        </message>
        <message>
            <location line="+20" />
            <source>— choose the firm —</source>
            <translation>— شرکت را انتخاب کنید —</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Referral</source>
            <translation>استعلام</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sent</source>
            <translation>ارسال</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Deadline</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days left</source>
            <translation>روز مانده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answer</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answer text</source>
            <translation>متن پاسخ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Record an answer</source>
            <translation>ثبت پاسخ استعلام</translation>
        </message>
        <message>
            <location line="+6" />
            <source>— choose —</source>
            <translation>— انتخاب کنید —</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Record the answer</source>
            <translation>ثبت پاسخ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referral:</source>
            <translation>استعلام:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer:</source>
            <translation>نتیجه پاسخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer letter no.:</source>
            <translation>شماره نامه پاسخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer date:</source>
            <translation>تاریخ پاسخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer text:</source>
            <translation>متن پاسخ:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Print the referral letter</source>
            <translation>چاپ نامه استعلام</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Complete the approval</source>
            <translation>تکمیل تایید نقشه</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Referral letter</source>
            <translation>نامه استعلام</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Plan order: zone %1, %2 floors, density %3%, coverage %4%, up to %5 m² of floor area.</source>
            <translation>دستور نقشه: پهنه %1، %2 طبقه، تراکم %3٪، سطح اشغال %4٪، حداکثر %5 مترمربع زیربنا.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No plan order yet. Property zone: %1</source>
            <translation>دستور نقشه هنوز صادر نشده است. پهنه ملک: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>overdue</source>
            <translation>گذشته از مهلت</translation>
        </message>
        <message>
            <location line="+2" />
            <source>awaiting</source>
            <translation>در انتظار پاسخ</translation>
        </message>
    </context>
    <context>
        <name>PlateEdit</name>
        <message>
            <location filename="../app/ui/units/vehicle/__init__.py" line="+89" />
            <source>Enter the plate.</source>
            <translation>پلاک را وارد کنید.</translation>
        </message>
    </context>
    <context>
        <name>PrintController</name>
        <message>
            <location filename="../app/ui/print/controller.py" line="+73" />
            <source>reprint no. %1</source>
            <translation>المثنی، نوبت %1</translation>
        </message>
    </context>
    <context>
        <name>PrintMenu</name>
        <message>
            <location filename="../app/ui/print/menu.py" line="+23" />
            <source>80 mm roll</source>
            <translation>رول ۸۰ میلی‌متری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A5</source>
            <translation>A5</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <location filename="../app/ui/print/preview.py" line="+53" />
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
            <location line="+43" />
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
        <name>ProfileEditorDialog</name>
        <message>
            <location filename="../app/ui/units/archive/profiles_dialog.py" line="+39" />
            <source>Scan profiles</source>
            <translation>نمایه‌های اسکن</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+112" />
            <source>New profile</source>
            <translation>نمایهٔ جدید</translation>
        </message>
        <message>
            <location line="-104" />
            <source>A3</source>
            <translation>A3</translation>
        </message>
        <message>
            <location line="+0" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ID card</source>
            <translation>کارت شناسایی</translation>
        </message>
        <message>
            <location line="+5" />
            <source> dpi</source>
            <translation> نقطه در اینچ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Grey</source>
            <translation>خاکستری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour</source>
            <translation>رنگی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Black and white</source>
            <translation>سیاه و سفید</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Flatbed</source>
            <translation>شیشهٔ اسکنر</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Document feeder</source>
            <translation>تغذیه‌کنندهٔ خودکار</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Both sides (duplex)</source>
            <translation>دورو</translation>
        </message>
        <message>
            <location line="+6" />
            <source>A page with less ink than this counts as blank; 0 keeps every page.</source>
            <translation>صفحه‌ای که جوهرش از این کمتر باشد سفید شمرده می‌شود؛ صفر همهٔ صفحه‌ها را نگه می‌دارد.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>JPEG quality of grey and colour pages (black-and-white pages: CCITT G4)</source>
            <translation>کیفیت JPEG صفحه‌های خاکستری و رنگی (صفحه‌های سیاه و سفید با CCITT G4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Straighten skewed pages</source>
            <translation>صاف‌کردن صفحه‌های کج</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Crop to the paper</source>
            <translation>برش به اندازهٔ کاغذ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>نام:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paper:</source>
            <translation>کاغذ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolution:</source>
            <translation>وضوح:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour:</source>
            <translation>رنگ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source:</source>
            <translation>ورودی کاغذ:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Blank-page threshold:</source>
            <translation>آستانهٔ صفحهٔ سفید:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JPEG quality:</source>
            <translation>کیفیت JPEG:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Save profile</source>
            <translation>ذخیرهٔ نمایه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete / restore default</source>
            <translation>حذف / بازگرداندن پیش‌فرض</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>بستن</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Restore default</source>
            <translation>بازگرداندن پیش‌فرض</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete profile</source>
            <translation>حذف نمایه</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Give the profile a name.</source>
            <translation>برای نمایه نامی بنویسید.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Check the value of: %1</source>
            <translation>مقدار این مورد را بررسی کنید: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Profile «%1» saved.</source>
            <translation>نمایهٔ «%1» ذخیره شد.</translation>
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
        <name>QuestionsPanel</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="+128" />
            <source>Asked</source>
            <translation>زمان پرسش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Asked by</source>
            <translation>پرسش‌کننده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Question</source>
            <translation>پرسش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Answer</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answered by</source>
            <translation>پاسخ‌دهنده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Answer the selected question</source>
            <translation>پاسخ به پرسش انتخاب‌شده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save the answer</source>
            <translation>ثبت پاسخ</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+8" />
            <source>Question:</source>
            <translation>پرسش:</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Reply:</source>
            <translation>پاسخ:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Ask a technical question</source>
            <translation>طرح پرسش فنی</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Send the question</source>
            <translation>ارسال پرسش</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tracking number:</source>
            <translation>کد رهگیری:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>(not answered)</source>
            <translation>(بی‌پاسخ)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 questions, %2 waiting for an answer</source>
            <translation>%1 پرسش، %2 پرسش در انتظار پاسخ</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose a question in the table first.</source>
            <translation>ابتدا پرسشی را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The answer was saved.</source>
            <translation>پاسخ ثبت شد.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The question was sent.</source>
            <translation>پرسش ارسال شد.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../app/ui/units/certificates/drafts.py" line="-280" />
            <source>Reason:</source>
            <translation>علت:</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Write the reason first.</source>
            <translation>نخست علت را بنویسید.</translation>
        </message>
    </context>
    <context>
        <name>RegisterPanel</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="-414" />
            <source>Number, issuer, subject or text</source>
            <translation>شماره، مرجع، موضوع یا متن</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search:</source>
            <translation>جست‌وجو:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Number</source>
            <translation>شماره</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Issued</source>
            <translation>تاریخ صدور</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Issuer</source>
            <translation>مرجع صادرکننده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In force from</source>
            <translation>تاریخ اجرا</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Units</source>
            <translation>تعداد واحد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Acknowledged</source>
            <translation>رؤیت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scan</source>
            <translation>اسکن</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open the scan</source>
            <translation>نمایش اسکن</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Acknowledgements of the selected circular:</source>
            <translation>رؤیت‌های بخشنامه انتخاب‌شده:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Staff member</source>
            <translation>کارمند</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Acknowledged at</source>
            <translation>زمان رؤیت</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Register a resolution or circular</source>
            <translation>ثبت مصوبه یا بخشنامه</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Choose the scanned file…</source>
            <translation>انتخاب فایل اسکن…</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+74" />
            <source>(no file)</source>
            <translation>(بدون فایل)</translation>
        </message>
        <message>
            <location line="-71" />
            <source>Register and distribute</source>
            <translation>ثبت و ابلاغ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Document kind:</source>
            <translation>نوع سند:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Number:</source>
            <translation>شماره:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued on:</source>
            <translation>تاریخ صدور:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Issuer:</source>
            <translation>مرجع صادرکننده:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Subject:</source>
            <translation>موضوع:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In force from:</source>
            <translation>تاریخ اجرا:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Distribute to:</source>
            <translation>ابلاغ به واحدها:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Services affected:</source>
            <translation>خدمات مربوط:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text:</source>
            <translation>متن:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scan:</source>
            <translation>اسکن:</translation>
        </message>
        <message>
            <location line="+34" />
            <source>%1 of %2</source>
            <translation>%1 از %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Yes</source>
            <translation>بله</translation>
        </message>
        <message>
            <location line="+17" />
            <source>(not yet)</source>
            <translation>(هنوز نه)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The scanned circular</source>
            <translation>اسکن بخشنامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
            <translation>فایل‌های اسکن (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The scan is not on this workstation yet.</source>
            <translation>فایل اسکن هنوز به این ایستگاه نرسیده است.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Registered and sent to the units.</source>
            <translation>ثبت و به واحدها ابلاغ شد.</translation>
        </message>
    </context>
    <context>
        <name>RenovationTab</name>
        <message>
            <location filename="../app/ui/units/renovation/__init__.py" line="+430" />
            <source>Renovation and waste</source>
            <translation>نوسازی و پسماند</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Case</source>
            <translation>پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New request</source>
            <translation>درخواست جدید</translation>
        </message>
    </context>
    <context>
        <name>RequestPanel</name>
        <message>
            <location filename="../app/ui/units/vehicle/__init__.py" line="+321" />
            <source>Choose a request in the cartable (Enter) or open one from Vehicles.</source>
            <translation>درخواستی را در کارتابل انتخاب کنید (Enter) یا از بخش خودروها درخواست تازه ثبت کنید.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Issue the payment slip</source>
            <translation>صدور فیش</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the slip</source>
            <translation>چاپ فیش</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sent to the traffic police</source>
            <translation>ارسال به پلیس راهور</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection accepted</source>
            <translation>اعتراض پذیرفته شد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection rejected</source>
            <translation>اعتراض رد شد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Complete the request</source>
            <translation>انجام درخواست</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Print the receipt</source>
            <translation>چاپ رسید</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Route history</source>
            <translation>گردش پرونده</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Stage:</source>
            <translation>مرحله:</translation>
        </message>
        <message>
            <location line="+8" />
            <source>payment ID %1</source>
            <translation>شناسه پرداخت %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Total: %1 — unpaid: %2</source>
            <translation>جمع: %1 — پرداخت‌نشده: %2</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Sticker serial: %1</source>
            <translation>سریال آرم: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>lost</source>
            <translation>مفقودی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>damaged</source>
            <translation>آسیب‌دیدگی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason: %1 — %2</source>
            <translation>علت: %1 — %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refund %1 for %2 unused days of %3 (sticker %4)</source>
            <translation>عودت %1 برای %2 روز استفاده‌نشده از %3 روز (آرم %4)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Fine %1 of %2 at %3; objection deadline %4</source>
            <translation>جریمه %1 مورخ %2 در %3؛ مهلت اعتراض %4</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reason: %1</source>
            <translation>دلیل: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Attachments: %1</source>
            <translation>پیوست‌ها: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outcome: %1</source>
            <translation>نتیجه: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Missing documents: %1</source>
            <translation>مدارک ناقص: %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Saved.</source>
            <translation>ثبت شد.</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Payment slip</source>
            <translation>فیش پرداخت</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Receipt</source>
            <translation>رسید</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <location filename="../app/ui/units/formation/intake.py" line="-117" />
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
            <location line="+3" />
            <source>Print receipt (Ctrl+P)</source>
            <translation>چاپ رسید (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+22" />
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
        <name>RouteEditor</name>
        <message>
            <location filename="../app/ui/units/renovation/route.py" line="+64" />
            <source>Add the map centre (Insert)</source>
            <translation>افزودن مرکز نقشه (Insert)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove last point</source>
            <translation>حذف آخرین نقطه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear route</source>
            <translation>پاک کردن مسیر</translation>
        </message>
        <message>
            <location line="+70" />
            <source>%1 points, %2 m</source>
            <translation>%1 نقطه، %2 متر</translation>
        </message>
    </context>
    <context>
        <name>ScanWidget</name>
        <message>
            <location filename="../app/ui/scan/scan_widget.py" line="+125" />
            <source>Find devices</source>
            <translation>جست‌وجوی دستگاه</translation>
        </message>
        <message>
            <location line="+16" />
            <source>A page with less ink than this counts as blank and is set aside.</source>
            <translation>صفحه‌ای که جوهرش از این کمتر باشد سفید شمرده می‌شود و کنار می‌رود.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan</source>
            <translation>اسکن</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>لغو</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No case chosen</source>
            <translation>پرونده‌ای انتخاب نشده است</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Rotate left</source>
            <translation>چرخش به چپ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rotate right</source>
            <translation>چرخش به راست</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete page</source>
            <translation>حذف صفحه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep page</source>
            <translation>نگه‌داشتن صفحه</translation>
        </message>
        <message>
            <location line="+1" />
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
            <source>Fit to window</source>
            <translation>اندازهٔ پنجره</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save into the case</source>
            <translation>ذخیره در پرونده</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Device:</source>
            <translation>دستگاه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Profile:</source>
            <translation>نمایه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document type:</source>
            <translation>نوع سند:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Blank-page threshold:</source>
            <translation>آستانهٔ صفحهٔ سفید:</translation>
        </message>
        <message>
            <location line="+56" />
            <source>A3 plan sheet, 300 dpi, grey</source>
            <translation>نقشهٔ A3، ۳۰۰ نقطه، خاکستری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A4 deed, 300 dpi, grey</source>
            <translation>سند A4، ۳۰۰ نقطه، خاکستری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ID card, 300 dpi, colour</source>
            <translation>کارت شناسایی، ۳۰۰ نقطه، رنگی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A4 text, 300 dpi, black and white</source>
            <translation>متن A4، ۳۰۰ نقطه، سیاه و سفید</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Title deed</source>
            <translation>سند مالکیت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>National card</source>
            <translation>کارت ملی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Birth certificate</source>
            <translation>شناسنامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous permit</source>
            <translation>پروانهٔ قبلی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plan sheet</source>
            <translation>برگ نقشه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Power of attorney</source>
            <translation>وکالت‌نامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inheritance certificate</source>
            <translation>گواهی انحصار وراثت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>سایر</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Looking for scanners…</source>
            <translation>در جست‌وجوی اسکنرها…</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Scanning…</source>
            <translation>در حال اسکن…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cancel asked; the sheet inside the scanner is finished first…</source>
            <translation>لغو درخواست شد؛ صفحهٔ داخل دستگاه تمام می‌شود…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Blank page: ink %1 under the threshold %2</source>
            <translation>صفحهٔ سفید: جوهر %1 کمتر از آستانهٔ %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Ink on the page: %1 (threshold %2)</source>
            <translation>جوهر صفحه: %1 (آستانه %2)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 pages scanned.</source>
            <translation>%1 صفحه اسکن شد.</translation>
        </message>
        <message>
            <location line="+106" />
            <source>No page is left to save.</source>
            <translation>صفحه‌ای برای ذخیره نمانده است.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Building the PDF…</source>
            <translation>در حال ساختن PDF…</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Saving into the case…</source>
            <translation>در حال ذخیره در پرونده…</translation>
        </message>
        <message>
            <location line="+40" />
            <source>Document saved with %1 pages.</source>
            <translation>سند با %1 صفحه ذخیره شد.</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <location filename="../app/ui/search_dialog.py" line="+38" />
            <source>Search cases</source>
            <translation>جست‌وجوی پرونده‌ها</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Tracking number, national ID, name, mobile, registry plate, renovation code or a certificate's QR</source>
            <translation>شمارهٔ پیگیری، کد ملی، نام، تلفن همراه، پلاک ثبتی، کد نوسازی یا کد QR گواهی</translation>
        </message>
        <message>
            <location line="+16" />
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
            <location line="+1" />
            <source>certificate QR</source>
            <translation>کد QR گواهی</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Checking the certificate…</source>
            <translation>در حال بررسی اصالت گواهی…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Searching…</source>
            <translation>در حال جست‌وجو…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1 found</source>
            <translation>%1 پرونده پیدا شد</translation>
        </message>
        <message>
            <location line="+12" />
            <source>The certificate's case is not on this workstation.</source>
            <translation>پروندهٔ این گواهی روی این ایستگاه کاری نیست.</translation>
        </message>
    </context>
    <context>
        <name>ServerLoginDialog</name>
        <message>
            <location filename="../app/ui/sync_status.py" line="+184" />
            <source>Log in to the central server</source>
            <translation>ورود به سرور مرکزی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The central server asks for your password to sync this workstation.</source>
            <translation>سرور مرکزی برای همگام‌سازی این ایستگاه کاری گذرواژهٔ شما را می‌خواهد.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Server:</source>
            <translation>سرور:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User name:</source>
            <translation>نام کاربری:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Password:</source>
            <translation>گذرواژه:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Enter your password.</source>
            <translation>گذرواژه را وارد کنید.</translation>
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
        <name>StaffCircularsDialog</name>
        <message>
            <location filename="../app/ui/main_window.py" line="-228" />
            <location filename="../app/ui/units/technical/staff_dialog.py" line="+49" />
            <source>Circulars and technical &amp;questions…</source>
            <translation>بخشنامه‌ها و &amp;پرسش‌های فنی…</translation>
        </message>
        <message>
            <location filename="../app/ui/units/technical/staff_dialog.py" line="-28" />
            <source>Circulars and technical questions</source>
            <translation>بخشنامه‌ها و پرسش‌های فنی</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Circulars for my units</source>
            <translation>بخشنامه‌های واحد من</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My technical questions</source>
            <translation>پرسش‌های فنی من</translation>
        </message>
    </context>
    <context>
        <name>StaffPanel</name>
        <message>
            <location filename="../app/ui/units/audit/__init__.py" line="+10" />
            <source>Show</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Staff member</source>
            <translation>کارمند</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cases handled</source>
            <translation>پرونده‌های رسیدگی‌شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Actions</source>
            <translation>اقدام‌ها</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Office hours per case</source>
            <translation>ساعت اداری هر پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Returns</source>
            <translation>برگشت‌ها</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reopened</source>
            <translation>بازگشایی‌ها</translation>
        </message>
    </context>
    <context>
        <name>SupervisionPanel</name>
        <message>
            <location filename="../app/ui/units/liaison/__init__.py" line="+110" />
            <location line="+7" />
            <source>Liaison</source>
            <translation>رابط</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Open</source>
            <translation>باز</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Done</source>
            <translation>انجام شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Late</source>
            <translation>با تأخیر</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Average days to finish</source>
            <translation>میانگین روز تا انجام</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Open tasks past their due date:</source>
            <translation>کارهای باز گذشته از مهلت:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Task</source>
            <translation>کار</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Tracking number</source>
            <translation>کد رهگیری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>District</source>
            <translation>منطقه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Municipal expert</source>
            <translation>کارشناس شهرداری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due date</source>
            <translation>مهلت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>نتیجه</translation>
        </message>
        <message>
            <location line="+24" />
            <source>In all: %1 open, %2 done, %3 late</source>
            <translation>در مجموع: %1 باز، %2 انجام شده، %3 با تأخیر</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../app/ui/sync_status.py" line="+33" />
            <source>Sync now</source>
            <translation>همگام‌سازی اکنون</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sync with the central server now (%1)</source>
            <translation>همگام‌سازی با سرور مرکزی، اکنون (%1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log in to server…</source>
            <translation>ورود به سرور…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Local only</source>
            <translation>فقط محلی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This workstation is not connected to the central server yet.</source>
            <translation>این ایستگاه هنوز به سرور مرکزی متصل نیست.</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+18" />
            <source>Connecting…</source>
            <translation>در حال اتصال…</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+7" />
            <source>Pending: %1</source>
            <translation>در انتظار ارسال: %1</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Never synced</source>
            <translation>هنوز همگام‌سازی نشده</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Changes made here and not yet sent to the server</source>
            <translation>تغییراتی که در این رایانه انجام شده و هنوز به سرور نرفته است</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last sync: %1</source>
            <translation>آخرین همگام‌سازی: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+82" />
            <source>Syncing…</source>
            <translation>در حال همگام‌سازی…</translation>
        </message>
        <message>
            <location line="-80" />
            <source>Offline</source>
            <translation>قطع ارتباط با سرور</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Update required</source>
            <translation>نیاز به به‌روزرسانی برنامه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Server log-in needed</source>
            <translation>نیاز به ورود به سرور</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Online (sync stopped)</source>
            <translation>متصل (همگام‌سازی متوقف شد)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Online</source>
            <translation>متصل به سرور</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 — retry in %2 s</source>
            <translation>%1 — تلاش دوباره تا %2 ثانیه دیگر</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Sending</source>
            <translation>ارسال</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Receiving</source>
            <translation>دریافت</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Uploading files</source>
            <translation>بارگذاری فایل‌ها</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Conflicts (%1)</source>
            <translation>تعارض‌ها (%1)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Server log-in failed</source>
            <translation>ورود به سرور ناموفق بود</translation>
        </message>
    </context>
    <context>
        <name>TariffModel</name>
        <message>
            <location filename="../app/ui/units/admin/tariffs.py" line="+128" />
            <source>Item</source>
            <translation>مورد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>For</source>
            <translation>برای</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount or rate</source>
            <translation>مبلغ یا نرخ</translation>
        </message>
    </context>
    <context>
        <name>TariffsPanel</name>
        <message>
            <location line="+105" />
            <source>Year:</source>
            <translation>سال:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New year…</source>
            <translation>سال جدید…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A new year's table, starting as a copy of the latest year</source>
            <translation>جدول سال جدید، با رونوشتی از آخرین سال</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Price for a location…</source>
            <translation>قیمت برای یک محل…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add a price per m² for a district, precinct or block (1, 1-4, 1-4-76)</source>
            <translation>افزودن قیمت هر متر مربع برای منطقه، ناحیه یا بلوک (۱، ۱-۴، ۱-۴-۷۶)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Save the year's table</source>
            <translation>ذخیره جدول سال</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Undo changes</source>
            <translation>لغو تغییرات</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Demo values, not official tariffs: enter the approved tables.</source>
            <translation>مقادیر نمونه است، نه تعرفه رسمی: جدول‌های مصوب را وارد کنید.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Saved: the rules use the new table from now on.</source>
            <translation>ذخیره شد: محاسبات از این پس با جدول تازه انجام می‌شود.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New year</source>
            <translation>سال جدید</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Jalali year:</source>
            <translation>سال شمسی:</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Price for a location</source>
            <translation>قیمت برای یک محل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District, district-precinct or district-precinct-block:</source>
            <translation>منطقه، منطقه-ناحیه یا منطقه-ناحیه-بلوک:</translation>
        </message>
    </context>
    <context>
        <name>Technical</name>
        <message>
            <location filename="../app/ui/units/technical/__init__.py" line="-237" />
            <source>Council resolution</source>
            <translation>مصوبه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Circular</source>
            <translation>بخشنامه</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Fire department</source>
            <translation>سازمان آتش‌نشانی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Engineering organisation</source>
            <translation>سازمان نظام مهندسی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gardens commission</source>
            <translation>کمیسیون باغات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technology organisation</source>
            <translation>سازمان فن‌آوران</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District municipality</source>
            <translation>شهرداری منطقه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other agency</source>
            <translation>سایر ادارات</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Outgoing</source>
            <translation>صادره</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Incoming</source>
            <translation>وارده</translation>
        </message>
        <message>
            <location line="+46" />
            <source>In force from %1</source>
            <translation>لازم‌الاجرا از %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Services: %1</source>
            <translation>خدمات مربوط: %1</translation>
        </message>
    </context>
    <context>
        <name>TechnicalTab</name>
        <message>
            <location line="+450" />
            <source>Technical manager</source>
            <translation>مدیر فنی</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Resolutions and circulars</source>
            <translation>مصوبات و بخشنامه‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My circulars</source>
            <translation>بخشنامه‌های من</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correspondence</source>
            <translation>مکاتبات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technical questions</source>
            <translation>پرسش‌های فنی</translation>
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
        <name>UserDialog</name>
        <message>
            <location filename="../app/ui/units/admin/users.py" line="+54" />
            <source>New user</source>
            <translation>کاربر جدید</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles of the user</source>
            <translation>نقش‌های کاربر</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset password</source>
            <translation>بازنشانی گذرواژه</translation>
        </message>
        <message>
            <location line="+29" />
            <source>User name:</source>
            <translation>نام کاربری:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name:</source>
            <translation>نام و نام خانوادگی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>گذرواژه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repeat password:</source>
            <translation>تکرار گذرواژه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles:</source>
            <translation>نقش‌ها:</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Save</source>
            <translation>ذخیره</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>لغو</translation>
        </message>
    </context>
    <context>
        <name>UsersPanel</name>
        <message>
            <location line="+72" />
            <source>Manage the server's accounts…</source>
            <translation>مدیریت حساب‌های سرور…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>User name</source>
            <translation>نام کاربری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Full name</source>
            <translation>نام و نام خانوادگی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Roles</source>
            <translation>نقش‌ها</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+10" />
            <source>New user…</source>
            <translation>کاربر جدید…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles and name…</source>
            <translation>نقش‌ها و نام…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset password…</source>
            <translation>بازنشانی گذرواژه…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lock</source>
            <translation>قفل کردن</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unlock</source>
            <translation>باز کردن قفل</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Accounts on the central server %1. Workstations learn them at their next sync.</source>
            <translation>حساب‌های سرور مرکزی %1. ایستگاه‌ها در همگام‌سازی بعدی آن‌ها را دریافت می‌کنند.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workstation's accounts (offline copies). The office's accounts live on the server %1.</source>
            <translation>حساب‌های این ایستگاه (نسخه‌های برون‌خط). حساب‌های دفتر در سرور %1 نگه‌داری می‌شود.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workstation's accounts: no central server is configured.</source>
            <translation>حساب‌های این ایستگاه: سرور مرکزی تنظیم نشده است.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Central server</source>
            <translation>سرور مرکزی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Your password on the server:</source>
            <translation>گذرواژه شما در سرور:</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Locked by the administrator</source>
            <translation>قفل‌شده توسط مدیر سامانه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Locked after wrong passwords until %1</source>
            <translation>قفل به‌علت گذرواژه نادرست تا %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Active</source>
            <translation>فعال</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Choose a user in the table first.</source>
            <translation>ابتدا کاربری را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Saved.</source>
            <translation>ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>VehicleTab</name>
        <message>
            <location filename="../app/ui/units/vehicle/__init__.py" line="+13" />
            <source>Vehicle charges</source>
            <translation>عوارض خودرو</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Request</source>
            <translation>درخواست</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicles</source>
            <translation>خودروها</translation>
        </message>
    </context>
    <context>
        <name>VehiclesPanel</name>
        <message>
            <location line="-496" />
            <source>Vehicle</source>
            <translation>خودرو</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Find</source>
            <translation>جست‌وجو</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Plate:</source>
            <translation>پلاک:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Register the vehicle</source>
            <translation>ثبت خودرو</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Owner's national ID:</source>
            <translation>کد ملی مالک:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Make and model:</source>
            <translation>نوع و مدل:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour:</source>
            <translation>رنگ:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Year</source>
            <translation>سال</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Serial</source>
            <translation>سریال</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued</source>
            <translation>تاریخ صدور</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Traffic-zone stickers</source>
            <translation>آرم‌های طرح ترافیک</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New request for this vehicle</source>
            <translation>درخواست تازه برای این خودرو</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Annual traffic-zone sticker</source>
            <translation>آرم طرح ترافیک سالیانه</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Lost</source>
            <translation>مفقودی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Damaged</source>
            <translation>آسیب‌دیدگی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What happened</source>
            <translation>شرح ماجرا</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replacement</source>
            <translation>تعویض آرم</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Replacement:</source>
            <translation>تعویض آرم:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Refund</source>
            <translation>عودت هزینه</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Refund to IBAN:</source>
            <translation>عودت به شماره شبا:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Attach files…</source>
            <translation>پیوست فایل…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Objection to a camera fine</source>
            <translation>اعتراض به جریمه دوربین</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fine number:</source>
            <translation>شماره جریمه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fine date:</source>
            <translation>تاریخ جریمه:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Camera location:</source>
            <translation>محل دوربین:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason of the objection:</source>
            <translation>دلیل اعتراض:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Attachments:</source>
            <translation>پیوست‌ها:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Plate</source>
            <translation>پلاک</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>مالک</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Make and model</source>
            <translation>نوع و مدل</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This year's sticker</source>
            <translation>آرم امسال</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Vehicles</source>
            <translation>خودروها</translation>
        </message>
        <message>
            <location line="+47" />
            <source>No vehicle with this plate: enter the owner and register it.</source>
            <translation>خودرویی با این پلاک ثبت نشده است: مالک را وارد و خودرو را ثبت کنید.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Type the plate and press Enter.</source>
            <translation>پلاک را بنویسید و Enter بزنید.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>this year's sticker %1</source>
            <translation>آرم امسال %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no sticker this year</source>
            <translation>بدون آرم امسال</translation>
        </message>
        <message>
            <location line="+12" />
            <source>refund: %1</source>
            <translation>مبلغ عودت: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Valid</source>
            <translation>معتبر</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Replaced</source>
            <translation>تعویض شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Refunded</source>
            <translation>عودت شده</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Not registered (register at intake)</source>
            <translation>ثبت نشده است (در پذیرش ثبت کنید)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Vehicle registered.</source>
            <translation>خودرو ثبت شد.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Request %1 opened.</source>
            <translation>پرونده %1 تشکیل شد.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Attachments</source>
            <translation>پیوست‌ها</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Images and PDF (*.png *.jpg *.jpeg *.pdf)</source>
            <translation>تصویر و PDF (*.png *.jpg *.jpeg *.pdf)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>files</source>
            <translation>فایل</translation>
        </message>
    </context>
    <context>
        <name>ViewsPanel</name>
        <message>
            <location filename="../app/ui/units/audit/__init__.py" line="+135" />
            <source>Show</source>
            <translation>نمایش</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Alerts on unusual patterns:</source>
            <translation>هشدار الگوهای غیرعادی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Alert</source>
            <translation>هشدار</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+4" />
            <source>Staff member</source>
            <translation>کارمند</translation>
        </message>
        <message>
            <location line="-4" />
            <source>From</source>
            <translation>از</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>تا</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Views of citizens' personal data:</source>
            <translation>مشاهده اطلاعات شخصی شهروندان:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time</source>
            <translation>زمان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How</source>
            <translation>روش</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Citizens</source>
            <translation>شهروندان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Files found</source>
            <translation>پرونده‌های یافته</translation>
        </message>
        <message>
            <location line="+18" />
            <source>search by national ID</source>
            <translation>جست‌وجو با کد ملی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>search by mobile</source>
            <translation>جست‌وجو با شماره همراه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>search by legal ID</source>
            <translation>جست‌وجو با شناسه ملی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>case opened</source>
            <translation>گشودن پرونده</translation>
        </message>
    </context>
    <context>
        <name>ViolationTab</name>
        <message>
            <location filename="../app/ui/units/violation/__init__.py" line="+15" />
            <source>Violation review</source>
            <translation>بررسی خلاف</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Case review</source>
            <translation>بررسی پرونده</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection deadlines</source>
            <translation>مهلت‌های اعتراض</translation>
        </message>
    </context>
    <context>
        <name>ViolationWorkbench</name>
        <message>
            <location filename="../app/ui/units/violation/workbench.py" line="-503" />
            <source>Violations</source>
            <translation>تخلفات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Article 100 ruling and objection</source>
            <translation>رای ماده صد و اعتراض</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registry letters</source>
            <translation>نامه‌های اداره ثبت</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fire-safety company</source>
            <translation>شرکت ایمنی و آتش‌نشانی</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Area / spaces</source>
            <translation>مساحت / تعداد</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+205" />
            <source>Status</source>
            <translation>وضعیت</translation>
        </message>
        <message>
            <location line="-204" />
            <source>Note</source>
            <translation>توضیح</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recorded by</source>
            <translation>ثبت‌کننده</translation>
        </message>
        <message>
            <location line="+9" />
            <source>— choose —</source>
            <translation>— انتخاب کنید —</translation>
        </message>
        <message>
            <location line="+4" />
            <source>m², or parking spaces</source>
            <translation>مترمربع، یا تعداد پارکینگ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kind:</source>
            <translation>نوع تخلف:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area (m²) or spaces:</source>
            <translation>مساحت (مترمربع) یا تعداد:</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+89" />
            <source>Note:</source>
            <translation>توضیح:</translation>
        </message>
        <message>
            <location line="-86" />
            <source>Add violation</source>
            <translation>افزودن تخلف</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save changes</source>
            <translation>ذخیره تغییرات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import from the inspection</source>
            <translation>دریافت از گزارش بازدید</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How it was settled</source>
            <translation>شرح رفع تخلف</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close violation</source>
            <translation>رفع تخلف</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Choose the violation to change in the table.</source>
            <translation>تخلفی را که باید اصلاح شود در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Choose the violation to close in the table.</source>
            <translation>تخلفی را که رفع شده در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>First ruling of the commission</source>
            <translation>رای بدوی کمیسیون</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Ruling number:</source>
            <translation>شماره رای:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ruling date:</source>
            <translation>تاریخ رای:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Served on:</source>
            <translation>تاریخ ابلاغ:</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+41" />
            <source>Outcome:</source>
            <translation>نتیجه:</translation>
        </message>
        <message>
            <location line="-40" />
            <source>Fine (rials):</source>
            <translation>مبلغ جریمه (ریال):</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record the ruling</source>
            <translation>ثبت رای</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Objection to the appeal commission</source>
            <translation>اعتراض به کمیسیون تجدیدنظر</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Objection text:</source>
            <translation>متن لایحه اعتراض:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Attachments:</source>
            <translation>پیوست‌ها:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add files…</source>
            <translation>افزودن فایل…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the objection</source>
            <translation>ذخیره اعتراض</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the objection</source>
            <translation>ارسال اعتراض</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the objection letter</source>
            <translation>چاپ لایحه اعتراض</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Summary of the appeal ruling</source>
            <translation>خلاصه رای تجدیدنظر</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the appeal outcome</source>
            <translation>ثبت رای تجدیدنظر</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Attachments of the objection</source>
            <translation>پیوست‌های اعتراض</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF and images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>PDF و تصویر (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Objection letter</source>
            <translation>لایحه اعتراض</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Letter no.</source>
            <translation>شماره نامه</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Date</source>
            <translation>تاریخ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Subject</source>
            <translation>موضوع</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply</source>
            <translation>پاسخ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Letter in</source>
            <translation>نامه وارده</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Register the letter</source>
            <translation>ثبت نامه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registry letter no.:</source>
            <translation>شماره نامه اداره ثبت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date:</source>
            <translation>تاریخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Subject:</source>
            <translation>موضوع:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Review and reply (the letter chosen above)</source>
            <translation>بررسی و پاسخ (نامه انتخاب‌شده در جدول)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The completion certificate does not match the engineering plans</source>
            <translation>پایان کار با نقشه‌های نظام مهندسی مغایرت دارد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the review</source>
            <translation>ثبت نتیجه بررسی</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Send the reply</source>
            <translation>ارسال پاسخ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the reply</source>
            <translation>چاپ پاسخ</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Finding:</source>
            <translation>نتیجه بررسی:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reply no.:</source>
            <translation>شماره پاسخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply date:</source>
            <translation>تاریخ پاسخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply text:</source>
            <translation>متن پاسخ:</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Choose the letter in the table.</source>
            <translation>نامه را در جدول انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Reply to the registry</source>
            <translation>پاسخ به اداره ثبت</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Register the company</source>
            <translation>ثبت شرکت</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Company name:</source>
            <translation>نام شرکت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration no.:</source>
            <translation>شماره ثبت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Licence no.:</source>
            <translation>شماره مجوز:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Licence valid until:</source>
            <translation>اعتبار مجوز تا:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone:</source>
            <translation>تلفن:</translation>
        </message>
        <message>
            <location line="+26" />
            <source>m²</source>
            <translation>مترمربع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>spaces</source>
            <translation>واحد</translation>
        </message>
        <message>
            <location line="+1" />
            <source>open</source>
            <translation>باز</translation>
        </message>
        <message>
            <location line="+0" />
            <source>settled</source>
            <translation>رفع شده</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The inspection report lists %1 violations; import them as records.</source>
            <translation>گزارش بازدید %1 تخلف دارد؛ آن‌ها را به فهرست تخلفات بیاورید.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>received</source>
            <translation>دریافت شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>reviewed</source>
            <translation>بررسی شده</translation>
        </message>
        <message>
            <location line="+0" />
            <source>answered</source>
            <translation>پاسخ داده شده</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Registered: %1, registration no. %2, licence %3 valid until %4</source>
            <translation>ثبت‌شده: %1، شماره ثبت %2، مجوز %3 معتبر تا %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No company registered on this case yet.</source>
            <translation>هنوز شرکتی در این پرونده ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No ruling recorded yet.</source>
            <translation>هنوز رایی ثبت نشده است.</translation>
        </message>
    </context>
    <context>
        <name>VisitPanel</name>
        <message>
            <location filename="../app/ui/units/inspection/visit.py" line="-587" />
            <source>Choose a case from the cartable (double-click).</source>
            <translation>پرونده‌ای را از کارتابل انتخاب کنید (دوبار کلیک).</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Save visit and sketch</source>
            <translation>ذخیره بازدید و کروکی</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Inspection report…</source>
            <translation>گزارش بازدید…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attach photos…</source>
            <translation>پیوست عکس…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attach the 1:2000 aerial extract</source>
            <translation>پیوست نقشه هوایی ۱:۲۰۰۰</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirm the location</source>
            <translation>تایید جانمایی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return with deficiency…</source>
            <translation>بازگشت به علت کسری…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send to the district…</source>
            <translation>ارسال به منطقه…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case file…</source>
            <translation>پرونده…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>This workstation has no aerial map yet.</source>
            <translation>این ایستگاه هنوز نقشه هوایی ندارد.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Prepare the demo aerial map (once, about 10 s)</source>
            <translation>ساخت نقشه هوایی نمایشی (یک بار، حدود ۱۰ ثانیه)</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Areas</source>
            <translation>مساحت‌ها</translation>
        </message>
        <message>
            <location line="+2" />
            <source>m²</source>
            <translation>مترمربع</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Existing area:</source>
            <translation>مساحت موجود:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area per deed:</source>
            <translation>مساحت طبق سند:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area after the corrected street line:</source>
            <translation>مساحت پس از بر اصلاحی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area inside the widening path:</source>
            <translation>میزان در مسیر:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Dimensions and passages</source>
            <translation>ابعاد و گذرها</translation>
        </message>
        <message>
            <location line="+2" />
            <source>m</source>
            <translation>متر</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. 12, 8</source>
            <translation>مثلاً ۱۲، ۸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Depth:</source>
            <translation>عمق:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Frontage:</source>
            <translation>بَر:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Chamfer:</source>
            <translation>پخ:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Street widths (m):</source>
            <translation>عرض گذرها (متر):</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The four boundaries and neighbours</source>
            <translation>حدود اربعه و مجاورین</translation>
        </message>
        <message>
            <location line="+4" />
            <source>North</source>
            <translation>شمالاً</translation>
        </message>
        <message>
            <location line="+0" />
            <source>South</source>
            <translation>جنوباً</translation>
        </message>
        <message>
            <location line="+0" />
            <source>East</source>
            <translation>شرقاً</translation>
        </message>
        <message>
            <location line="+1" />
            <source>West</source>
            <translation>غرباً</translation>
        </message>
        <message>
            <location line="+5" />
            <source>neighbour, plate or passage</source>
            <translation>مجاور: پلاک، ملک یا گذر</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Floors and uses found</source>
            <translation>طبقات و کاربری موجود</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Floors:</source>
            <translation>تعداد طبقات:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Residential</source>
            <translation>مسکونی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Commercial</source>
            <translation>تجاری</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Office</source>
            <translation>اداری</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Industrial</source>
            <translation>صنعتی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Educational</source>
            <translation>آموزشی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Health</source>
            <translation>درمانی</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Garden</source>
            <translation>باغ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Vacant land</source>
            <translation>زمین خالی</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Other</source>
            <translation>سایر</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Violations observed</source>
            <translation>تخلفات مشاهده‌شده</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kind</source>
            <translation>نوع</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Area (m²)</source>
            <translation>مساحت (مترمربع)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>توضیح</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Add violation</source>
            <translation>افزودن تخلف</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>حذف</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Photos</source>
            <translation>عکس‌ها</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Notes</source>
            <translation>توضیحات</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Sketch area differs from the deed by %1%</source>
            <translation>مساحت کروکی با سند %1 درصد اختلاف دارد</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Not saved: correct the fields marked in red.</source>
            <translation>ذخیره نشد: خانه‌هایی را که با پیام قرمز مشخص شده‌اند اصلاح کنید.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Visit and sketch saved.</source>
            <translation>فرم بازدید و کروکی ذخیره شد.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Photos attached.</source>
            <translation>عکس‌ها پیوست شد.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Photos of the visit</source>
            <translation>عکس‌های بازدید</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic)</source>
            <translation>تصویرها (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Aerial extract attached.</source>
            <translation>نقشه هوایی پیوست شد.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Location confirmed.</source>
            <translation>جانمایی تایید شد.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Returned to formation.</source>
            <translation>پرونده به تشکیل برگشت داده شد.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Sent to the district.</source>
            <translation>پرونده به منطقه ارسال شد.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Inspection report</source>
            <translation>گزارش بازدید</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Preparing the demo aerial map…</source>
            <translation>در حال ساخت نقشه هوایی نمایشی…</translation>
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
    <context>
        <name>WatchMessages</name>
        <message>
            <location filename="../app/ui/units/followup/widgets.py" line="-154" />
            <source>Only the follow-up unit may do this.</source>
            <translation>این کار فقط در اختیار واحد نظارت و پیگیری است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type a tracking number, a national ID or a mobile number.</source>
            <translation>کد رهگیری، کد ملی یا شماره همراه را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write what the citizen was told.</source>
            <translation>آنچه به شهروند گفته شد را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose call or visit.</source>
            <translation>تماس تلفنی یا مراجعه حضوری را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The end of the period is before its start.</source>
            <translation>تاریخ پایان بازه پیش از تاریخ شروع آن است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose a period of at most one year.</source>
            <translation>بازه‌ای حداکثر یک‌ساله انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown report format.</source>
            <translation>قالب گزارش شناخته نشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No case with this tracking number was found.</source>
            <translation>پرونده‌ای با این کد رهگیری پیدا نشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This field is required.</source>
            <translation>تکمیل این خانه الزامی است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the audit unit may read the audit trail.</source>
            <translation>فقط واحد بازرسی می‌تواند سوابق بازرسی را ببیند.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the audit unit may do this.</source>
            <translation>این کار فقط در اختیار واحد بازرسی است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose complaint, dispute or misconduct.</source>
            <translation>نوع را انتخاب کنید: شکایت، اختلاف یا تخلف.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Describe the complaint.</source>
            <translation>شرح شکایت را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such complaint.</source>
            <translation>چنین شکایتی ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The complaint is not at that step.</source>
            <translation>شکایت در این مرحله نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the findings of the investigation.</source>
            <translation>نتیجه بررسی را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write how the complaint was resolved.</source>
            <translation>نحوه رسیدگی و نتیجه نهایی را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the staff member concerned.</source>
            <translation>کارمند مربوط را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown export format.</source>
            <translation>قالب خروجی شناخته نشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the head of liaisons may do this.</source>
            <translation>این کار فقط در اختیار سرپرست رابطین است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This task belongs to another liaison.</source>
            <translation>این کار به رابط دیگری سپرده شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the kind of task.</source>
            <translation>نوع کار را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write what is to be done.</source>
            <translation>شرح کار را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose a liaison.</source>
            <translation>رابط را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The due date has already passed.</source>
            <translation>مهلت انتخاب‌شده گذشته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The district is between 1 and 22.</source>
            <translation>شماره منطقه بین ۱ و ۲۲ است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name the municipal expert for this task.</source>
            <translation>نام کارشناس شهرداری را برای این کار وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the outcome before closing the task.</source>
            <translation>پیش از بستن کار، نتیجه را بنویسید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This task is already closed.</source>
            <translation>این کار پیش‌تر بسته شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such task.</source>
            <translation>چنین کاری ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the consultation unit may do this.</source>
            <translation>این کار فقط در اختیار واحد مشاوره است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter who asked.</source>
            <translation>نام پرسش‌کننده را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+26" />
            <source>Write the question.</source>
            <translation>پرسش را بنویسید.</translation>
        </message>
        <message>
            <location line="-25" />
            <source>Choose the topic.</source>
            <translation>موضوع را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such consultation.</source>
            <translation>چنین مشاوره‌ای ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+26" />
            <source>Write the answer.</source>
            <translation>پاسخ را بنویسید.</translation>
        </message>
        <message>
            <location line="-25" />
            <source>No such zone in the detailed plan reference.</source>
            <translation>چنین پهنه‌ای در مرجع طرح تفصیلی نیست.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invalid zone code (example: R112).</source>
            <translation>کد پهنه نامعتبر است (نمونه: R112).</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Density, floors or coverage of the zone are invalid.</source>
            <translation>تراکم، تعداد طبقات یا سطح اشغال پهنه نامعتبر است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown land use.</source>
            <translation>کاربری ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the zone's title.</source>
            <translation>عنوان پهنه را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only the technical manager may do this.</source>
            <translation>این کار فقط در اختیار مدیر فنی است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose resolution or circular.</source>
            <translation>مصوبه یا بخشنامه را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the number.</source>
            <translation>شماره را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A document with this number is already registered.</source>
            <translation>سندی با این شماره پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the issuer.</source>
            <translation>مرجع صادرکننده را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+11" />
            <source>Enter the subject.</source>
            <translation>موضوع را وارد کنید.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>It cannot take effect before it was issued.</source>
            <translation>تاریخ اجرا نمی‌تواند پیش از تاریخ صدور باشد.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose at least one unit to distribute it to.</source>
            <translation>دست‌کم یک واحد را برای ابلاغ انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown service.</source>
            <translation>خدمت ناشناخته است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No such circular.</source>
            <translation>چنین بخشنامه‌ای ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This circular was not sent to your unit.</source>
            <translation>این بخشنامه به واحد شما ابلاغ نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>You have already acknowledged it.</source>
            <translation>پیش‌تر رؤیت آن را تأیید کرده‌اید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the agency.</source>
            <translation>اداره طرف مکاتبه را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose incoming or outgoing.</source>
            <translation>وارده یا صادره را انتخاب کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the secretariat number.</source>
            <translation>شماره دبیرخانه را وارد کنید.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This secretariat number is already registered.</source>
            <translation>این شماره دبیرخانه پیش‌تر ثبت شده است.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No such question.</source>
            <translation>چنین پرسشی ثبت نشده است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This question is already answered.</source>
            <translation>به این پرسش پیش‌تر پاسخ داده شده است.</translation>
        </message>
    </context>
    <context>
        <name>WorkstationPanel</name>
        <message>
            <location filename="../app/ui/units/admin/workstation.py" line="+63" />
            <source>Workstation %1 — central server: %2</source>
            <translation>ایستگاه کاری %1 — سرور مرکزی: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none (local only)</source>
            <translation>ندارد (فقط محلی)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Printers</source>
            <translation>چاپگرها</translation>
        </message>
        <message>
            <location line="+8" />
            <source>System default printer</source>
            <translation>چاپگر پیش‌فرض سیستم</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Save printers</source>
            <translation>ذخیره چاپگرها</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Scanner</source>
            <translation>اسکنر</translation>
        </message>
        <message>
            <location line="+3" />
            <source>none chosen yet (chosen in the Archive tab)</source>
            <translation>هنوز انتخاب نشده (در زبانه بایگانی انتخاب می‌شود)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remembered scanner:</source>
            <translation>اسکنر به‌خاطرسپرده:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Scan profiles:</source>
            <translation>نمایه‌های اسکن:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Map source</source>
            <translation>منبع نقشه</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Automatic: the server's tiles, else the demo tiles</source>
            <translation>خودکار: کاشی‌های سرور، وگرنه کاشی‌های نمونه</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An MBTiles file:</source>
            <translation>فایل MBTiles:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>An XYZ tile address:</source>
            <translation>نشانی کاشی XYZ:</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Browse…</source>
            <translation>انتخاب…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Save map source</source>
            <translation>ذخیره منبع نقشه</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Receipts:</source>
            <translation>رسیدها:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Certificates:</source>
            <translation>گواهی‌ها:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Payment slips:</source>
            <translation>فیش‌های پرداخت:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letters:</source>
            <translation>نامه‌ها:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sketches and maps:</source>
            <translation>کروکی و نقشه:</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the defaults</source>
            <translation>پیش‌فرض‌ها</translation>
        </message>
        <message>
            <location line="+22" />
            <source>In use: the MBTiles file %1</source>
            <translation>در حال استفاده: فایل MBTiles %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use: the tile address %1</source>
            <translation>در حال استفاده: نشانی کاشی %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use: the server's tiles %1</source>
            <translation>در حال استفاده: کاشی‌های سرور %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use: the demo tiles %1</source>
            <translation>در حال استفاده: کاشی‌های نمونه %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In use: no tiles (the map shows placeholders) %1</source>
            <translation>در حال استفاده: بدون کاشی (نقشه جای‌نما نشان می‌دهد) %1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Printers saved.</source>
            <translation>چاپگرها ذخیره شد.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>MBTiles file</source>
            <translation>فایل MBTiles</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Map source saved: maps opened from now on use it.</source>
            <translation>منبع نقشه ذخیره شد: نقشه‌هایی که از این پس باز شوند از آن استفاده می‌کنند.</translation>
        </message>
    </context>
    <context>
        <name>ZonesPanel</name>
        <message>
            <location filename="../app/ui/units/consultation/__init__.py" line="+17" />
            <source>Zone code, title or a use (e.g. commercial)</source>
            <translation>کد پهنه، عنوان یا کاربری (مثلاً تجاری)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search:</source>
            <translation>جست‌وجو:</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Code</source>
            <translation>کد</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title</source>
            <translation>عنوان</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Allowed uses</source>
            <translation>کاربری‌های مجاز</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Density %</source>
            <translation>تراکم ٪</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Floors</source>
            <translation>تعداد طبقات</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coverage %</source>
            <translation>سطح اشغال ٪</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>توضیحات</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Zones changed or added by the unit are shown in red.</source>
            <translation>پهنه‌هایی که واحد مشاوره تغییر داده یا افزوده با رنگ قرمز نشان داده می‌شوند.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Zone</source>
            <translation>پهنه</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Save the zone</source>
            <translation>ثبت پهنه</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Code:</source>
            <translation>کد پهنه:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title:</source>
            <translation>عنوان:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>English title:</source>
            <translation>عنوان انگلیسی:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Allowed uses:</source>
            <translation>کاربری‌های مجاز:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Density:</source>
            <translation>تراکم:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Floors:</source>
            <translation>تعداد طبقات:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Coverage:</source>
            <translation>سطح اشغال:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes:</source>
            <translation>توضیحات:</translation>
        </message>
        <message>
            <location line="+61" />
            <source>The zone was saved.</source>
            <translation>پهنه ثبت شد.</translation>
        </message>
    </context>
    <context>
        <name>widget</name>
        <message>
            <location filename="../app/ui/units/violation/workbench.py" line="+27" />
            <source>Objection sent on %1.</source>
            <translation>اعتراض در تاریخ %1 ارسال شد.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The %1-day objection deadline passed on %2.</source>
            <translation>مهلت %1 روزه اعتراض در تاریخ %2 به پایان رسیده است.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Last day to object: today, %1.</source>
            <translation>امروز، %1، آخرین روز مهلت اعتراض است.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 days left to object (until %2).</source>
            <translation>%1 روز تا پایان مهلت اعتراض (تا %2).</translation>
        </message>
    </context>
</TS>