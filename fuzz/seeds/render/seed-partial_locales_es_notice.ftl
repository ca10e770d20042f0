recipient-name = Alcaldesa Jane Doe
subject = Abrir la biblioteca los domingos
salutation = Estimada alcaldesa Doe:
body-request = Le pedimos que abra la biblioteca los domingos, como quiere la *mayoría* de los vecinos.[^report] Le pedimos que:
demand-open = La abra de 10:00 a 16:00.
closing = Atentamente,
signatory-organisation = Amigos de la Biblioteca
source-report = Encuesta a los vecinos, 2023
