### The page around every letter: navigation, headings, notices.
### Shared by all letters of the project.
### Draft translation: not yet reviewed by a native speaker.

# This language's name, written in the language itself. Shown in every language switcher.
language-name = Kreyòl ayisyen
# The page's <title>, shown in browser tabs and announced first by screen readers.
# $subject is the letter's subject line.
page-title = Lèt ouvè: { $subject }
# The first link on the page, for keyboard and screen-reader users.
skip-link = Ale dirèkteman nan lèt la
# Label of the language switcher (a navigation landmark).
language-switcher-label = Li lèt sa a nan yon lòt lang
# The label before the subject line.
subject-label = Sijè:
# Heading of the list of sources at the end.
sources-heading = Sous yo
# The accessible name of a note reference inside a sentence; $number is the note's number.
note-reference = Sous { $number }
# The link after each source that returns to where it was cited.
back-to-reference = Retounen nan referans { $number }
# The cited document's own title, introduced in the list of sources.
cited-title = Tit: “{ $title }”
# Follows a cited title written in another language than the page's, so that
# readers know the cited document itself is in that language. $code is that
# language's code (en, es, fr, ht, ...): name the languages you know in a select
# expression on it; the default variant shows $language, the language's name
# written in itself.
cited-document-language = { $code ->
        [en] (an angle)
        [es] (an panyòl)
        [fr] (an franse)
        [ht] (an kreyòl ayisyen)
       *[other] (lang: { $language })
    }
# Stands between a source's description and its cited title. Quoted to keep
# its spaces: { ". " } is a full stop and a space; a language that writes no
# space after its full stop writes { "。" }.
cited-title-separator = { ". " }
# Shown at the top of a page whose translation has not been reviewed by a native speaker.
draft-notice = Tradiksyon sa a se yon bouyon. Yon moun ki pale lang lan depi li fèt poko revize l.
# Shown when some parts of the page are not translated yet; $language is the name, in itself, of the language they are shown in.
fallback-notice = Gen kèk pati nan paj sa a ki poko tradui, se poutèt sa yo parèt nan yon lòt lang: { $language }.
# Heading of the page that lists every language of a letter.
chooser-heading = Chwazi yon lang
# The link, at the foot of every page, to the page that lists every language of the letter.
all-languages = Tout lang yo
# Shown after a language's name on the page listing every language, when parts of it are not translated yet.
partial-translation = Tradiksyon pasyèl

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

# The first of a month is an ordinal in Haitian Creole: "1ye janvye 1804"
# (premye); every other day is a cardinal number: "6 janvye 2023".
letter-date = { $day ->
        [1] 1ye
       *[other] { $day }
    } { $month ->
        [1] janvye
        [2] fevriye
        [3] mas
        [4] avril
        [5] me
        [6] jen
        [7] jiyè
        [8] out
        [9] septanm
        [10] oktòb
        [11] novanm
       *[12] desanm
    } { $year }
# The title and heading of the site's home page, which lists every letter.
index-heading = Lèt yo
# Label of the language switcher on the site's home page.
index-languages = Lis sa a nan lòt lang
# The link, on the site's home page, to the feed of letters in this language.
index-feed = Abòne (fil Atom)
