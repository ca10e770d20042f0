### Amnesty International's open letter of 6 January 2023 to President Biden:
### "Fully restore asylum at the US-Mexican border and ensure that the rights of
### refugees and migrants are protected".
###
### One message per block of the letter. Inline Markdown is allowed: *emphasis*,
### **strong**, [links](https://example.org) and note references such as
### [^expulsions], which you may move within the sentence to where it belongs in
### your language. Names, the postal address and the date are not translated:
### they live in content/us-mexico-asylum-2023/letter.toml.
### Draft translation: not yet reviewed by a native speaker.

## Heading of the letter

# The addressee, as written above the postal address.
recipient-name = Prezidan Joseph R. Biden
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Retabli azil nèt ale sou fwontyè ant Etazini ak Meksik la, epi garanti pwoteksyon dwa refijye ak migran yo
salutation = Chè Prezidan Biden,

## Body

# The first sentence is two in Creole, so that readers do not lose the thread of
# four "pou" clauses. "Urge" stays "mande w avèk ensistans" here: it is the
# letter's first and strongest request (the Administration is urged "fèmman" in
# body-obligation).
body-purpose = Nou ekri w jodi a sou non Amnesty International, òganizasyon mondyal k ap defann dwa moun. Nou mande w avèk ensistans pou w pran angajman pou mete fen ak politik migrasyon ki kriyèl e ki pa imen, ki bloke moun pou yo pa jwenn azil e ki kontrè ak prensip ki entèdi voye moun tounen nan danje. Nou mande w pou w asire dwa refijye yo ak migran yo se youn nan pi gwo priyorite ou lè w ap rankontre Prezidan López Obrador ak Premye Minis Trudeau nan Somè Lidè Amerik di Nò yo nan vil Meksiko.
body-dangers = Kòm kantite moun k ap kouri pou vyolans ak pèsekisyon ap kontinye ogmante, pwoteje dwa moun migran ak refijye yo genyen se yon bagay ki esansyèl. Moun k ap kouri pou pèsekisyon, ki souvan oblije travèse fwontyè akoz vyolans, difikilte ekonomik ak kriz klima a, ap fè fas ak sitiyasyon danjere ki toujou rete youn nan pwoblèm dwa moun ki pi grav nan Amerik di Nò. Yon gwo kantite migran ak refijye ki soti toupatou sou latè ap kontinye fè vwayaj ki plen danje atravè Meksik pou yo eseye travèse antre Etazini.
# [^expulsions] and [^deaths] are the notes citing the two figures.
# Non-refoulement is explained in Creole, in the same words as in body-purpose
# ("prensip ki entèdi voye moun tounen nan danje"), so readers know it is the
# same principle.
body-expulsions = Amnesty International gen gwo enkyetid paske Administrasyon ou a ap kontinye aplike, ansanm ak lòt peyi, politik imigrasyon ki fèt pou dekouraje migrasyon, e ki fini pa kite refijye yo ak migran yo san pwoteksyon e an danje. Depi yo te kòmanse aplike Tit 42 nan mas 2020, yo ekspilse moun k ap mande azil ki soti Amerik Santral, Ayiti e, pi resamman, Venezyela, prèske 2,5 milyon fwa soti Etazini pou voye yo Meksik, san yo pa t gen yon vrè chans pou yo mande azil.[^expulsions] Nan anpil ka, yo voye moun sa yo tounen nan menm peyi yo te kouri kite a, sa ki kontrè ak prensip ki entèdi voye moun tounen nan danje a. Menm jan an tou, Administrasyon ou a aplike politik ki mete anpil restriksyon, e politik sa yo pa kite migran ak refijye yo okenn lòt chwa pase pran wout ki gen anpil risk e ki mete lavi yo an danje. Ane 2022 se te ane ki fè plis moun mouri sou fwontyè ant Etazini ak Meksik la, kote plis pase 850 migran te pèdi lavi yo.[^deaths]
# [^parole] is the note citing the statement on the humanitarian parole program.
# The first sentence is two in Creole (the English has 59 words): the reversal,
# then the four measures it took.
body-reversal = Amnesty International sezi e enkyete anpil paske Administrasyon ou a fèk fè bak sou angajman li te deklare pou dwa moun ak jistis rasyal. Li elaji itilizasyon Tit 42 yon lòt fwa ankò; li anonse l ap fè yon règleman pou entèdi azil pou moun ki pase nan lòt peyi sou wout yo; li elaji itilizasyon depòtasyon rapid; epi li mete kanpe yon nouvo sistèm ki oblije moun k ap chèche sekirite nan dezespwa pran randevou sou yon aplikasyon telefòn. Byenke nou kontan pou pwogram parol imanitè a ki bay moun ki soti Kiba, Ayiti, Nikaragwa ak Venezyela yon chemen pou yo mande pwoteksyon san yo pa oblije fè vwayaj danjere a jis nan fwontyè a, sa pa dwe fèt sou do dwa moun genyen pou yo mande azil.[^parole] Nouvo politik sa yo montre yon lòt fwa ankò Tit 42 pa gen okenn fondman nan sante piblik e li kontrè ak obligasyon Etazini genyen, dapre lwa peyi a ak dapre lwa entènasyonal, pou li respekte dwa tout moun genyen pou yo chèche sekirite. Tout moun gen dwa mande azil, kit yo gen lyen fanmi oswa lyen finansye kit yo pa genyen, e okenn pwogram parol pa ta dwe pran plas dwa sa a.
# [^haiti] is the note citing Amnesty International's findings on Haitian asylum seekers.
body-disparate-impact = Anplis, pa gen dout politik sa yo gen yon efè ki pi lou sou moun nwa, moun ki gen po mawon ak moun endijèn k ap chèche sekirite. Anfèt, Amnesty International fèk konstate tretman kriyèl yo aplike anba Tit 42 fè Ayisyen k ap mande azil sibi detansyon abitrè ak move tretman diskriminatwa e imilyan ki rive nan nivo tòti ki baze sou ras.[^haiti] Tit 42 kontinye frape Ayisyen k ap mande azil pi rèd pase lòt moun, e anba politik sa a yo voye plizyè dizèn milye moun, ladan yo moun ki ansent, timoun ak tibebe, tounen pa fòs nan yon kriz imanitè ann Ayiti.
# Introduces the list of three demands that follows.
body-obligation = Etazini gen yon obligasyon legal ak yon obligasyon moral pou li respekte dwa pou moun mande azil. Se poutèt sa, Amnesty International mande Administrasyon ou a fèmman pou li:

## The three demands, each completing "Amnesty International urges your Administration to:"

demand-restore-asylum = Retabli azil nèt ale sou fwontyè a yon fwa pou tout, pami lòt bagay lè li anile touswit Tit 42 ak lòt politik ki fèt pou mete moun deyò e pou dekouraje yo vini, ki vyole dwa migran yo ak refijye yo.
demand-end-detention = Mete fen ak detansyon abitrè e an mas pou rezon imigrasyon.
demand-stop-deportations = Sispann depòte moun ann Ayiti touswit, san okenn eksepsyon.

## Closing

# "Urge" stays "mande w avèk ensistans": "ankouraje w fòtman" (encourage
# strongly) would make the letter's request weaker than the English.
body-counterparts = Pandan w ap rankontre kòlèg meksiken ak kanadyen ou yo, nou mande w pou w mete dwa refijye yo ak migran yo an premye. Nou mande w avèk ensistans pou w travay ansanm ak Prezidan López Obrador ak Premye Minis Trudeau pou twa peyi yo sispann aplike ansanm politik migrasyon ki pa imen sa yo, epi pou yo ranplase politik sa yo ak politik ki pwoteje dwa refijye yo ak migran yo toupatou nan Amerik di Nò.
closing = Avèk tout respè,

## Signatories: their names are data; their titles and organisations are translated.

signatory-obrien-title = Direktè Egzekitif
signatory-obrien-organisation = Amnesty International USA
signatory-guevara-rosas-title = Direktè Rejyonal pou Amerik yo
signatory-guevara-rosas-organisation = Amnesty International, Sekretarya Entènasyonal

## Sources: a short description of each cited document, shown in the list of sources.
## The document's own title, where it has one, is shown after it in its own language.
## A description says what the document is (its kind, publisher and date) and no
## more: what the document says is for its title to tell.

# Notes 1 and 2 cite the same article, so source-expulsions and source-deaths
# describe it alike: the article is about the court ruling, not about the
# expulsions or the deaths the letter cites it for.
source-expulsions = Atik nouvèl Amnesty International, me 2022, sou desizyon tribinal ki te bloke fen Tit 42
source-deaths = Atik nouvèl Amnesty International, me 2022, sou desizyon tribinal ki te bloke fen Tit 42
source-parole = Kominike pou laprès Amnesty International USA, 5 janvye 2023
source-haiti = Rapò Amnesty International, 22 septanm 2022 (AMR 36/5973/2022)
