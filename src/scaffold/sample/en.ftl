### A sample letter: one message per block, in the order that
### content/sample-letter/letter.toml gives. Inline Markdown is allowed:
### *emphasis*, **strong**, [links](https://example.org) and note references
### such as [^fluent], which you may move within the sentence to where it
### belongs in your language. Names and the date are not translated: they live
### in content/sample-letter/letter.toml.

## Heading of the letter

# The addressee, as written at the head of the letter.
recipient-name = Everyone who publishes letters in several languages
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = A sample letter, published in every language of this project
salutation = Dear reader,

## Body

# [^fluent] is the note citing Project Fluent.
body-purpose = This is a sample letter. Its structure and data are in a file of their own, and each of its sentences is a message in a Fluent file, one file per language.[^fluent]
# Introduces the list of three steps that follows.
body-steps = To publish a letter of your own:
step-write = write its sentences in the source language, and let translators write theirs;
step-check = run **letterkit check** to see what each language still lacks;
step-build = run **letterkit build** and publish the pages it writes.
body-languages = A language that lacks a sentence shows it in the source language, marked as such for screen readers, and the page says so.

## Closing

closing = With best wishes,
# The title of the person who signs, below their name.
signatory-title = Sample signatory
# The organisation of the person who signs.
signatory-organisation = Your organisation

## Sources

# Describes the source cited as [^fluent]; its own title is shown after it.
source-fluent = The localization system in which the letter's sentences are written
