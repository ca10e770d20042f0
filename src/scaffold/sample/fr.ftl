### A sample letter: one message per block, in the order that
### content/sample-letter/letter.toml gives. Inline Markdown is allowed:
### *emphasis*, **strong**, [links](https://example.org) and note references
### such as [^fluent], which you may move within the sentence to where it
### belongs in your language. Names and the date are not translated: they live
### in content/sample-letter/letter.toml.
### Draft translation: not yet reviewed by a native speaker.

## Heading of the letter

# The addressee, as written at the head of the letter.
recipient-name = Toutes les personnes qui publient des lettres en plusieurs langues
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Une lettre d’exemple, publiée dans toutes les langues de ce projet
salutation = Chère lectrice, cher lecteur,

## Body

# [^fluent] is the note citing Project Fluent.
body-purpose = Ceci est une lettre d’exemple. Sa structure et ses données sont dans un fichier à part, et chacune de ses phrases est un message dans un fichier Fluent, un fichier par langue[^fluent].
# Introduces the list of three steps that follows.
body-steps = Pour publier votre propre lettre :
step-write = écrivez ses phrases dans la langue source, et laissez les traducteurs écrire les leurs ;
step-check = lancez **letterkit check** pour voir ce qui manque encore à chaque langue ;
step-build = lancez **letterkit build** et publiez les pages qu’il écrit.
body-languages = Lorsqu’il manque une phrase à une langue, la page l’affiche dans la langue source, signalée comme telle aux lecteurs d’écran, et l’indique.

## Closing

closing = Bien cordialement,
# The title of the person who signs, below their name.
signatory-title = Signataire d’exemple
# The organisation of the person who signs.
signatory-organisation = Votre organisation

## Sources

# Describes the source cited as [^fluent]; its own title is shown after it.
source-fluent = Le système de localisation dans lequel sont écrites les phrases de la lettre
