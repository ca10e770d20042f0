### Every sentence of the letter {name}, one message per block, in the order
### that content/{name}/letter.toml gives. Write the letter here in the source
### language, replacing each placeholder after `=` and keeping the ids.
###
### Inline Markdown is allowed: *emphasis*, **strong**, [links](https://example.org)
### and note references such as [^report] to the letter's sources. Names, the
### postal address and the date are not here: they live in
### content/{name}/letter.toml. The notes above a message are what translators
### read: say there what the message is and where it appears.

## Heading of the letter

# The addressee, as written at the head of the letter.
recipient-name = The addressee
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = The subject of the letter
salutation = Dear reader,

## Body

body-opening = The first paragraph: who writes, and why.
# The items of the bulleted list.
demand-first = The first item of the list.
demand-second = The second item of the list.
body-closing = The last paragraph.

## Closing

closing = Sincerely,
# The title of the person who signs, below their name.
signatory-title = Their title
# The organisation of the person who signs.
signatory-organisation = Their organisation
