### A sample letter: one message per block, in the order that
### content/sample-letter/letter.toml gives. Inline Markdown is allowed:
### *emphasis*, **strong**, [links](https://example.org) and note references
### such as [^fluent], which you may move within the sentence to where it
### belongs in your language. Names and the date are not translated: they live
### in content/sample-letter/letter.toml.
### Draft translation: not yet reviewed by a native speaker.

## Heading of the letter

# The addressee, as written at the head of the letter.
recipient-name = Quienes publican cartas en varios idiomas
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Una carta de ejemplo, publicada en todos los idiomas de este proyecto
salutation = Estimada lectora, estimado lector:

## Body

# [^fluent] is the note citing Project Fluent.
body-purpose = Esta es una carta de ejemplo. Su estructura y sus datos están en un archivo aparte, y cada una de sus frases es un mensaje en un archivo Fluent, un archivo por idioma.[^fluent]
# Introduces the list of three steps that follows.
body-steps = Para publicar una carta propia:
step-write = escriba sus frases en el idioma de origen y deje que cada traductor escriba las suyas;
step-check = ejecute **letterkit check** para ver lo que aún le falta a cada idioma;
step-build = ejecute **letterkit build** y publique las páginas que escribe.
body-languages = Si a un idioma le falta una frase, la página la muestra en el idioma de origen, marcada como tal para los lectores de pantalla, y lo indica.

## Closing

closing = Atentamente,
# The title of the person who signs, below their name.
signatory-title = Firmante de ejemplo
# The organisation of the person who signs.
signatory-organisation = Su organización

## Sources

# Describes the source cited as [^fluent]; its own title is shown after it.
source-fluent = El sistema de localización en el que están escritas las frases de la carta
