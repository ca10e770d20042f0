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
recipient-name = Monsieur Joseph R. Biden, président des États-Unis d’Amérique
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Rétablir pleinement l’asile à la frontière entre les États-Unis et le Mexique et garantir la protection des droits des personnes réfugiées et migrantes
salutation = Monsieur le Président,

## Body

body-purpose = Au nom d’Amnesty International, organisation mondiale de défense des droits humains, nous vous écrivons aujourd’hui pour vous exhorter à vous engager à mettre fin aux politiques migratoires cruelles et inhumaines qui bloquent l’accès à l’asile et sont contraires au principe de non-refoulement. Nous vous demandons de veiller à ce que les droits des personnes réfugiées et migrantes constituent une priorité absolue lors de votre rencontre avec le président López Obrador et le Premier ministre Trudeau au Sommet des leaders nord-américains, à Mexico.
body-dangers = Alors que le nombre de personnes fuyant la violence et la persécution ne cesse d’augmenter, la protection des droits humains des personnes migrantes et réfugiées revêt une importance capitale. Les conditions dangereuses auxquelles sont confrontées les personnes qui fuient la persécution, souvent contraintes par la violence, les difficultés économiques et la crise climatique à franchir des frontières, demeurent l’une des plus graves préoccupations en matière de droits humains en Amérique du Nord. De très nombreuses personnes migrantes et réfugiées venues du monde entier continuent d’entreprendre de périlleux voyages à travers le Mexique pour tenter de passer aux États-Unis.
# [^expulsions] and [^deaths] are the notes citing the two figures.
body-expulsions = Amnesty International est profondément préoccupée par le fait que votre administration continue de mettre en œuvre des politiques migratoires communes visant à dissuader la migration, qui finissent par laisser les personnes réfugiées et migrantes sans protection et en danger. Depuis l’entrée en application du Titre 42 en mars 2020, des personnes demandeuses d’asile originaires d’Amérique centrale, d’Haïti et, plus récemment, du Venezuela ont été expulsées près de 2,5 millions de fois des États-Unis vers le Mexique sans avoir réellement la possibilité de demander l’asile[^expulsions]. Dans de nombreux cas, ces personnes sont renvoyées dans les pays qu’elles ont fuis, ce qui est contraire au principe de non-refoulement. De même, les politiques restrictives mises en œuvre par votre administration n’ont laissé aux personnes migrantes et réfugiées d’autre choix que d’emprunter des itinéraires périlleux qui mettent leur vie en danger. L’année 2022 a été la plus meurtrière à la frontière entre les États-Unis et le Mexique, où plus de 850 personnes migrantes ont perdu la vie[^deaths].
# [^parole] is the note citing the statement on the humanitarian parole program.
body-reversal = Amnesty International est vivement alarmée par le récent revirement de votre administration par rapport à son engagement déclaré en faveur des droits humains et de la justice raciale, qui s’est traduit par un nouvel élargissement du recours au Titre 42, l’annonce d’un projet de réglementation visant à interdire l’asile aux personnes ayant transité par un pays tiers, l’extension du recours à la procédure de renvoi accéléré et la mise en place d’un nouveau système imposant aux personnes en quête désespérée de sécurité de prendre rendez-vous au moyen d’une application mobile. Si nous saluons le programme d’admission temporaire pour raisons humanitaires, qui offre aux personnes cubaines, haïtiennes, nicaraguayennes et vénézuéliennes une voie pour demander une protection sans avoir à entreprendre le dangereux voyage jusqu’à la frontière, cela ne doit pas se faire au détriment du droit humain de demander l’asile[^parole]. Ces nouvelles politiques démontrent une fois de plus que le Titre 42 n’a aucun fondement en matière de santé publique et qu’il est contraire aux obligations nationales et internationales des États-Unis de garantir le droit de toute personne à chercher la sécurité. Toute personne a le droit de demander l’asile, indépendamment de ses liens familiaux ou financiers, et aucun programme d’admission temporaire ne devrait se substituer à ce droit.
# [^haiti] is the note citing Amnesty International's findings on Haitian asylum seekers.
# "Brown" is "racisées", as Amnesty's French-language sections write it: "brunes"
# would mean dark-haired.
body-disparate-impact = En outre, ces politiques ont indéniablement des effets disproportionnés sur les personnes noires, autochtones et racisées en quête de sécurité. En effet, Amnesty International a récemment établi que le traitement cruel infligé en vertu du Titre 42 avait soumis des personnes haïtiennes demandeuses d’asile à une détention arbitraire et à des mauvais traitements discriminatoires et humiliants constitutifs de torture fondée sur la race[^haiti]. Les personnes haïtiennes demandeuses d’asile continuent d’être touchées de manière disproportionnée par le Titre 42, et des dizaines de milliers de personnes, dont des personnes enceintes, des enfants et des nourrissons, ont été renvoyées de force en Haïti, en proie à une crise humanitaire, en application de cette politique.
# Introduces the list of three demands that follows.
body-obligation = Les États-Unis ont l’obligation, à la fois juridique et morale, de garantir le droit de demander l’asile. C’est pourquoi Amnesty International exhorte votre administration à :

## The three demands, each completing "Amnesty International urges your Administration to:"

demand-restore-asylum = Rétablir pleinement et une fois pour toutes l’asile à la frontière, notamment en abrogeant immédiatement le Titre 42 et les autres politiques d’exclusion et de dissuasion qui bafouent les droits des personnes migrantes et réfugiées.
demand-end-detention = Mettre fin au recours à la détention arbitraire et massive en matière d’immigration.
demand-stop-deportations = Cesser immédiatement tout renvoi forcé vers Haïti, sans exception.

## Closing

body-counterparts = Lors de votre rencontre avec vos homologues mexicain et canadien, nous vous demandons de faire des droits des personnes réfugiées et migrantes une priorité. Nous vous exhortons à travailler avec le président López Obrador et le Premier ministre Trudeau pour cesser de mettre en œuvre des politiques migratoires inhumaines menées conjointement et pour les remplacer par des politiques qui protègent les droits des personnes réfugiées et migrantes dans toute l’Amérique du Nord.
closing = Veuillez agréer, Monsieur le Président, l’expression de notre très haute considération.

## Signatories: their names are data; their titles and organisations are translated.

signatory-obrien-title = Directeur exécutif
signatory-obrien-organisation = Amnesty International États-Unis
signatory-guevara-rosas-title = Directrice régionale pour les Amériques
signatory-guevara-rosas-organisation = Amnesty International, Secrétariat international

## Sources: a short description of each cited document, shown in the list of sources.
## The document's own title, where it has one, is shown after it in its own language.
## A description says what the document is (its kind, publisher and date) and no
## more: what the document says is for its title to tell.

# Notes 1 and 2 cite the same article, so source-expulsions and source-deaths
# describe it alike: the article is about the court ruling, not about the
# expulsions or the deaths the letter cites it for.
source-expulsions = Article d’actualité d’Amnesty International, mai 2022, sur la décision de justice qui a bloqué la fin du Titre 42
source-deaths = Article d’actualité d’Amnesty International, mai 2022, sur la décision de justice qui a bloqué la fin du Titre 42
source-parole = Communiqué de presse d’Amnesty International États-Unis, 5 janvier 2023
source-haiti = Rapport d’Amnesty International, 22 septembre 2022 (AMR 36/5973/2022)
