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
recipient-name = Presidente Joseph R. Biden
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Restablecer plenamente el asilo en la frontera entre Estados Unidos y México y garantizar la protección de los derechos de las personas refugiadas y migrantes
salutation = Estimado presidente Biden:

## Body

body-purpose = En nombre de Amnistía Internacional, organización mundial de derechos humanos, le escribimos hoy para instarle a que se comprometa a poner fin a las políticas migratorias crueles e inhumanas que bloquean el acceso al asilo y contravienen el principio de no devolución. Le pedimos que garantice que los derechos de las personas refugiadas y migrantes sean una prioridad absoluta cuando se reúna con el presidente López Obrador y el primer ministro Trudeau en la Cumbre de Líderes de América del Norte en la Ciudad de México.
body-dangers = A medida que sigue creciendo el número de personas que huyen de la violencia y la persecución, proteger los derechos humanos de las personas migrantes y refugiadas es de vital importancia. Las peligrosas circunstancias que enfrentan las personas que huyen de la persecución, a quienes la violencia, las dificultades económicas y la crisis climática obligan a menudo a emprender viajes a través de las fronteras, siguen siendo una de las preocupaciones de derechos humanos más graves de América del Norte. Un gran número de personas migrantes y refugiadas de todo el mundo sigue recorriendo rutas peligrosas a través de México en un intento de cruzar a Estados Unidos.
# [^expulsions] and [^deaths] are the notes citing the two figures.
body-expulsions = A Amnistía Internacional le preocupa profundamente que su Administración siga aplicando políticas migratorias compartidas destinadas a disuadir la migración, que terminan dejando a las personas refugiadas y migrantes desprotegidas y en situación de riesgo. Desde que se empezó a aplicar el Título 42 en marzo de 2020, personas solicitantes de asilo de Centroamérica, Haití y, más recientemente, Venezuela han sido expulsadas casi 2,5 millones de veces de Estados Unidos a México sin haber tenido una posibilidad real de solicitar asilo.[^expulsions] En muchos casos, estas personas son devueltas a los países de los que huyeron, lo que contraviene el principio de no devolución. Asimismo, la aplicación de políticas restrictivas por parte de su Administración ha dejado a las personas migrantes y refugiadas sin más opción que tomar rutas peligrosas que ponen en riesgo su vida. El año 2022 fue el más mortífero en la frontera entre Estados Unidos y México, donde más de 850 personas migrantes perdieron la vida.[^deaths]
# [^parole] is the note citing the statement on the humanitarian parole program.
# "Parole" stays in roman type, explained on first mention: italics the English
# does not have would be reported by letterkit check as changed emphasis, and the
# plain-text and email versions could not show them.
body-reversal = A Amnistía Internacional le alarma enormemente el reciente retroceso de su Administración respecto de su declarado compromiso con los derechos humanos y la justicia racial, al ampliar una vez más el uso del Título 42, anunciar la elaboración de una norma que prohibiría el asilo a las personas que hayan transitado por terceros países, ampliar el uso de la deportación acelerada e implantar un nuevo sistema que exige a quienes buscan desesperadamente un lugar seguro pedir cita mediante una aplicación móvil. Si bien acogemos con satisfacción el programa humanitario de permiso de permanencia temporal (parole humanitario), que ofrece una vía para que personas cubanas, haitianas, nicaragüenses y venezolanas soliciten protección sin tener que emprender el peligroso viaje hasta la frontera, esto no debe hacerse a costa del derecho humano a solicitar asilo.[^parole] Estas nuevas políticas demuestran una vez más que el Título 42 carece de fundamento en materia de salud pública y contraviene las obligaciones estadounidenses e internacionales de garantizar el derecho de todas las personas a buscar un lugar seguro. Todas las personas tienen derecho a solicitar asilo, independientemente de sus vínculos familiares o económicos, y ningún programa de parole debe sustituir este derecho.
# [^haiti] is the note citing Amnesty International's findings on Haitian asylum seekers.
# "Brown" is "racializadas": "morenas" means dark-haired or tanned in Spain and
# reads as a synonym of "negras" in the Caribbean. "Disparate impact" stays
# "impacto desigual": the third sentence's "disproportionately impacted" is "de
# manera desproporcionada", and the English keeps the two apart.
body-disparate-impact = Además, estas políticas tienen sin duda un impacto desigual en las personas negras, racializadas e indígenas que buscan un lugar seguro. De hecho, Amnistía Internacional concluyó recientemente que el trato cruel en virtud del Título 42 sometió a personas haitianas solicitantes de asilo a detención arbitraria y a malos tratos discriminatorios y humillantes que constituyen tortura por motivos raciales.[^haiti] Las personas haitianas solicitantes de asilo siguen viéndose afectadas de manera desproporcionada por el Título 42, y decenas de miles de personas —entre ellas, personas embarazadas, niñas, niños y bebés— han sido devueltas por la fuerza a una crisis humanitaria en Haití en virtud de esta política.
# Introduces the list of three demands that follows.
body-obligation = Estados Unidos tiene la obligación tanto legal como moral de garantizar el derecho a solicitar asilo. Por ello, Amnistía Internacional insta a su Administración a:

## The three demands, each completing "Amnesty International urges your Administration to:"

demand-restore-asylum = Restablecer plenamente el asilo en la frontera de una vez por todas, entre otras cosas mediante la revocación inmediata del Título 42 y de otras políticas de exclusión y disuasión que violan los derechos de las personas migrantes y refugiadas.
demand-end-detention = Poner fin al uso de la detención migratoria arbitraria y masiva.
demand-stop-deportations = Detener de inmediato todas y cada una de las deportaciones a Haití.

## Closing

body-counterparts = En su reunión con sus homólogos mexicano y canadiense, le pedimos que dé prioridad a los derechos de las personas refugiadas y migrantes. Le instamos a trabajar junto con el presidente López Obrador y el primer ministro Trudeau para dejar de aplicar políticas migratorias conjuntas e inhumanas y sustituirlas por políticas que protejan los derechos de las personas refugiadas y migrantes en toda América del Norte.
closing = Atentamente,

## Signatories: their names are data; their titles and organisations are translated.

signatory-obrien-title = Director ejecutivo
signatory-obrien-organisation = Amnistía Internacional Estados Unidos
signatory-guevara-rosas-title = Directora regional para las Américas
signatory-guevara-rosas-organisation = Amnistía Internacional, Secretariado Internacional

## Sources: a short description of each cited document, shown in the list of sources.
## The document's own title, where it has one, is shown after it in its own language.
## A description says what the document is (its kind, publisher and date) and no
## more: what the document says is for its title to tell.

# Notes 1 and 2 cite the same article, so source-expulsions and source-deaths
# describe it alike: the article is about the court ruling, not about the
# expulsions or the deaths the letter cites it for.
source-expulsions = Noticia de Amnistía Internacional, mayo de 2022, sobre el fallo judicial que bloqueó el fin del Título 42
source-deaths = Noticia de Amnistía Internacional, mayo de 2022, sobre el fallo judicial que bloqueó el fin del Título 42
source-parole = Comunicado de prensa de Amnistía Internacional Estados Unidos, 5 de enero de 2023
source-haiti = Informe de Amnistía Internacional, 22 de septiembre de 2022 (AMR 36/5973/2022)
