### Amnesty International's open letter of 6 January 2023 to President Biden:
### "Fully restore asylum at the US-Mexican border and ensure that the rights of
### refugees and migrants are protected".
###
### One message per block of the letter. Inline Markdown is allowed: *emphasis*,
### **strong**, [links](https://example.org) and note references such as
### [^expulsions], which you may move within the sentence to where it belongs in
### your language. Names, the postal address and the date are not translated:
### they live in content/us-mexico-asylum-2023/letter.toml.

## Heading of the letter

# The addressee, as written above the postal address.
recipient-name = President Joseph R. Biden
# The subject line; also the page's main heading. The "RE:" label comes from common.ftl.
subject = Fully restore asylum at the US-Mexican border and ensure that the rights of refugees and migrants are protected
salutation = Dear President Biden,

## Body

body-purpose = On behalf of the global human rights organization Amnesty International, we write to you today to urge you to commit to ending cruel and inhuman migration policies that block access to asylum and run contrary to the principle of non-refoulement. We call on you to ensure that the rights of refugees and migrants are a top priority when you meet with President López Obrador and Prime Minister Trudeau at the North American Leaders’ Summit in Mexico City.
body-dangers = As the number of people fleeing violence and persecution continues to grow, protecting the human rights of migrants and refugees is of critical importance. The dangerous circumstances facing people fleeing persecution, who are often forced by violence, economic hardship and the climate crisis to journey across borders, continue to be one of North America’s most serious human rights concerns. Large numbers of migrants and refugees from across the world continue to make perilous journeys through Mexico in an attempt to cross over into the United States.
# [^expulsions] and [^deaths] are the notes citing the two figures.
body-expulsions = Amnesty International is deeply concerned that your Administration continues to implement shared immigration policies aimed at deterring migration, which end up leaving refugees and migrants unprotected and at risk. Since the implementation of Title 42 in March 2020, asylum seekers from Central America, Haiti and, more recently, Venezuela, have been expelled nearly 2.5 million times from the United States to Mexico without the opportunity to effectively claim asylum.[^expulsions] In many cases these individuals are returned to the countries from which they fled, running contrary to the principle of non-refoulement. Likewise, your Administration’s implementation of restrictive policies has left migrants and refugees with no choice but to take perilous routes that endanger their lives. 2022 was the deadliest year for the US-Mexican border, where more than 850 migrants lost their lives.[^deaths]
# [^parole] is the note citing the statement on the humanitarian parole program.
body-reversal = Amnesty International is greatly alarmed at your Administration’s recent reversal on its stated commitment to human rights and racial justice by once again expanding the use of Title 42, announcing rulemaking on an asylum transit ban, expanding the use of expedited removal, and implementing a new system to require appointments through a mobile app for those desperately seeking safety. While we welcome the humanitarian parole program to provide a pathway for Cubans, Haitians, Nicaraguans and Venezuelans to apply for protection without having to make the dangerous journey to the border, this must not come at the expense of the human right to seek asylum.[^parole] These new policies once again demonstrate that Title 42 has no basis in public health and runs contrary to US and international obligations to uphold the rights of all to seek safety. All people have a right to seek asylum, regardless of familial or financial ties, and any parole program should not supplant this right.
# [^haiti] is the note citing Amnesty International's findings on Haitian asylum seekers.
body-disparate-impact = Further, these policies undoubtedly have a disparate impact on Black, Brown and Indigenous people seeking safety. In fact, Amnesty International recently found that cruel treatment under Title 42 subjected Haitian asylum seekers to arbitrary detention and discriminatory and humiliating ill-treatment that amounts to race-based torture.[^haiti] Haitian asylum seekers continue to be disproportionately impacted by Title 42 and tens of thousands of individuals, including pregnant people, children and infants, have been forcibly returned to a humanitarian crisis in Haiti under the policy.
# Introduces the list of three demands that follows.
body-obligation = The United States has both a legal and moral obligation to uphold the right to seek asylum. As such, Amnesty International urges your Administration to:

## The three demands, each completing "Amnesty International urges your Administration to:"

demand-restore-asylum = Fully restore asylum at the border once and for all, including by immediately rescinding Title 42 and other exclusion and deterrence policies that violate the rights of migrants and refugees.
demand-end-detention = End the use of arbitrary, mass immigration detention.
demand-stop-deportations = Immediately stop any and all deportations to Haiti.

## Closing

body-counterparts = As you meet with your Mexican and Canadian counterparts, we call on you to prioritize the rights of refugees and migrants. We urge you to work together with President López Obrador and Prime Minister Trudeau to stop implementing inhumane shared migration policies and replace them with policies that protect the rights of refugees and migrants throughout North America.
closing = Sincerely,

## Signatories: their names are data; their titles and organisations are translated.

signatory-obrien-title = Executive Director
signatory-obrien-organisation = Amnesty International USA
signatory-guevara-rosas-title = Americas Regional Director
signatory-guevara-rosas-organisation = Amnesty International, International Secretariat

## Sources: a short description of each cited document, shown in the list of sources.
## The document's own title, where it has one, is shown after it in its own language.
## A description says what the document is (its kind, publisher and date) and no
## more: what the document says is for its title to tell.

# Notes 1 and 2 cite the same article, so source-expulsions and source-deaths
# describe it alike: the article is about the court ruling, not about the
# expulsions or the deaths the letter cites it for.
source-expulsions = Amnesty International news story, May 2022, on the court ruling that blocked the end of Title 42
source-deaths = Amnesty International news story, May 2022, on the court ruling that blocked the end of Title 42
source-parole = Amnesty International USA press release, 5 January 2023
source-haiti = Amnesty International report, 22 September 2022 (AMR 36/5973/2022)
