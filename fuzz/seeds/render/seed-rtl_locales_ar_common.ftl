### Draft translation: not yet reviewed by a native speaker.
language-name = العربية
page-title = رسالة مفتوحة: { $subject }
skip-link = انتقل إلى الرسالة
language-switcher-label = اقرأ هذه الرسالة بلغة أخرى
subject-label = الموضوع:
sources-heading = المصادر
note-reference = المصدر { $number }
back-to-reference = العودة إلى الإشارة { $number }
cited-title = العنوان: «{ $title }»
draft-notice = هذه الترجمة مسودة، ولم يراجعها بعد متحدث أصلي باللغة العربية.
fallback-notice = بعض أجزاء هذه الصفحة لم تُترجم بعد وتظهر بلغة أخرى: { $language }.
chooser-heading = اختر لغة
all-languages = كل اللغات
partial-translation = ترجمة جزئية
