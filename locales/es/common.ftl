### The page around every letter: navigation, headings, notices.
### Shared by all letters of the project.
### Draft translation: not yet reviewed by a native speaker.

# This language's name, written in the language itself. Shown in every language switcher.
language-name = Español
# The page's <title>, shown in browser tabs and announced first by screen readers.
# $subject is the letter's subject line.
page-title = Carta abierta: { $subject }
# The first link on the page, for keyboard and screen-reader users.
skip-link = Saltar a la carta
# Label of the language switcher (a navigation landmark).
language-switcher-label = Leer esta carta en otro idioma
# The label before the subject line.
subject-label = Asunto:
# Heading of the list of sources at the end.
sources-heading = Fuentes
# The accessible name of a note reference inside a sentence; $number is the note's number.
note-reference = Fuente { $number }
# The link after each source that returns to where it was cited.
back-to-reference = Volver a la referencia { $number }
# The cited document's own title, introduced in the list of sources.
cited-title = Título: «{ $title }»
# Follows a cited title written in another language than the page's, so that
# readers know the cited document itself is in that language. $code is that
# language's code (en, es, fr, ht, ...): name the languages you know in a select
# expression on it; the default variant shows $language, the language's name
# written in itself.
cited-document-language = { $code ->
        [en] (en inglés)
        [es] (en español)
        [fr] (en francés)
        [ht] (en criollo haitiano)
       *[other] (idioma: { $language })
    }
# Stands between a source's description and its cited title. Quoted to keep
# its spaces: { ". " } is a full stop and a space; a language that writes no
# space after its full stop writes { "。" }.
cited-title-separator = { ". " }
# Shown at the top of a page whose translation has not been reviewed by a native speaker.
draft-notice = Esta traducción es un borrador. Aún no la ha revisado una persona hablante nativa de español.
# Shown when some parts of the page are not translated yet; $language is the name, in itself, of the language they are shown in.
fallback-notice = Algunas partes de esta página aún no están traducidas y se muestran en otro idioma: { $language }.
# Heading of the page that lists every language of a letter.
chooser-heading = Elija un idioma
# The link, at the foot of every page, to the page that lists every language of the letter.
all-languages = Todos los idiomas
# Shown after a language's name on the page listing every language, when parts of it are not translated yet.
partial-translation = Traducción parcial

## The letter's date is formatted from the Unicode CLDR data for this language.
## Only where CLDR has no date format for the language (it covers en, es and fr,
## not ht) does this file write it out itself, as a message named letter-date with
## the numbers $day, $month and $year, naming the month with a select expression:
##
## letter-date = { $day } { $month ->
##         [1] January
##         [2] February
##        *[12] December
##     } { $year }
# The title and heading of the site's home page, which lists every letter.
index-heading = Cartas
# Label of the language switcher on the site's home page.
index-languages = Esta lista en otros idiomas
# The link, on the site's home page, to the feed of letters in this language.
index-feed = Suscribirse (canal Atom)
