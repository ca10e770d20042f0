### Draft translation: not yet reviewed by a native speaker.
recipient-name = معالي الوزير سمير حداد
subject = نشر تقرير جودة المياه لكل حي
salutation = معالي الوزير حداد المحترم،
body-request = في عام 2023، أبلغ أكثر من 1200 من السكان عن مياه شرب غير آمنة.[^survey] ونطلب منكم ما يلي:
demand-publish = نشر تقرير جودة المياه لكل حي شهريًا.
demand-repair = إصلاح الأنابيب المذكورة في *مراجعة سلامة المياه* خلال 90 يومًا.
body-thanks = نشكركم على اهتمامكم ونتطلع إلى ردكم.
closing = مع خالص التقدير،
signatory-title = الرئيسة
signatory-organisation = جمعية أصدقاء المياه النظيفة
source-survey = استطلاع رأي السكان حول مياه الشرب، 2023
