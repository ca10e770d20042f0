### The page around every letter: navigation, headings, notices.
### Shared by all letters of the project.
### Draft translation: not yet reviewed by a native speaker.

# This language's name, written in the language itself. Shown in every language switcher.
language-name = Français
# The page's <title>, shown in browser tabs and announced first by screen readers.
# $subject is the letter's subject line.
page-title = Lettre ouverte : { $subject }
# The first link on the page, for keyboard and screen-reader users.
skip-link = Aller directement à la lettre
# Label of the language switcher (a navigation landmark).
language-switcher-label = Lire cette lettre dans une autre langue
# The label before the subject line.
subject-label = Objet :
# Heading of the list of sources at the end.
sources-heading = Sources
# The accessible name of a note reference inside a sentence; $number is the note's number.
note-reference = Source { $number }
# The link after each source that returns to where it was cited.
back-to-reference = Retour à la référence { $number }
# The cited document's own title, introduced in the list of sources.
cited-title = Titre : « { $title } »
# Follows a cited title written in another language than the page's, so that
# readers know the cited document itself is in that language. $code is that
# language's code (en, es, fr, ht, ...): name the languages you know in a select
# expression on it; the default variant shows $language, the language's name
# written in itself.
cited-document-language = { $code ->
        [en] (en anglais)
        [es] (en espagnol)
        [fr] (en français)
        [ht] (en créole haïtien)
       *[other] (langue : { $language })
    }
# Stands between a source's description and its cited title. Quoted to keep
# its spaces: { ". " } is a full stop and a space; a language that writes no
# space after its full stop writes { "。" }.
cited-title-separator = { ". " }
# Shown at the top of a page whose translation has not been reviewed by a native speaker.
draft-notice = Cette traduction est une version provisoire. Elle n’a pas encore été relue par une personne de langue maternelle française.
# Shown when some parts of the page are not translated yet; $language is the language they are shown in.
fallback-notice = Certaines parties de cette page ne sont pas encore traduites et sont affichées dans la langue suivante : { $language }.
# Heading of the page that lists every language of a letter.
chooser-heading = Choisir une langue
# The link, at the foot of every page, to the page that lists every language of the letter.
all-languages = Toutes les langues
# Shown after a language's name on the page listing every language, when parts of it are not translated yet.
partial-translation = Traduction partielle

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
index-heading = Lettres
# Label of the language switcher on the site's home page.
index-languages = Cette liste dans d’autres langues
# The link, on the site's home page, to the feed of letters in this language.
index-feed = S’abonner (flux Atom)
