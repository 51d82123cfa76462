"""Sexual content in five languages: crude words, words for sex said in
ordinary talk, solicitation, explicit requests without a crude word, the
emoji code, and the oaths that hold a sexual word without being sexual.

Pattern *sources* only, written for the ``words`` form of a message (the
emoji code for the ``plain`` form), under the same rules as :mod:`.lexicon`;
compiled by :class:`.patterns.Patterns`.
"""

from __future__ import annotations

from typing import Final

# Crude words for sex and sexual body parts, and solicitation, beyond the
# English list of patterns/. Words that are also ordinary ("coger" takes a
# bus in Spain, "geil" is "cool" in German, "pau" is a stick, "pack" a
# packet) are left out or need a frame.
SEXUAL_CRUDE: Final = (
    # Spanish
    r"follar|follame|follarte|cogerte|cogerme|cogeme|chupamela|masturbarte|masturbarme|"
    r"pajearme|cachond[oa]|culito|"
    # Indonesian
    r"ngentot|ngewe|ewean|memek|toket|sange|coli|colmek|ngaceng|"
    # Portuguese
    r"transar|foder|fodendo|buceta|boceta|xoxota|piroca|punheta|siririca|tesao|tesuda|"
    r"tesudo|"
    # German
    r"ficken|fickst|wichsen|wichse|bumsen|titten|muschi|nacktbilder|nacktfotos|nacktbild|"
    r"nacktbilda|nacktbilla|nacktfotis|"
    r"sexbilder|sexfotos|gesext|"
    # Spanish and Portuguese acts said in one word
    r"chupartela|chupartelo|chuparmela|mamartela|mamarmela|pollazos|"
    # a quick one, said as a noun
    r"(?:schnelle[nr]?|kurze[nr]?) fick|quickie|rapidinha|echar un polvo|un polvo|uma foda"
)
# Words for sex and bodies that are also said in ordinary talk about sex ("sex
# ed", "a naked scene"): explicit enough for the teen section, not for the
# adult one (patterns/ scores them lower).
SEXUAL_TOPIC: Final = (
    r"verga|polla|pene|tetas|desnud[ao]s?|vagina|bugil|telanjang|bokep|payudara|"
    # "edad, sexo, país" is "age, sex, location": the gender asked
    r"(?<!edad )(?<!idade )(?<!edad y )(?<!idade e )sexo(?! (?:y |e )?(?:pais|edad|idade|estado|"
    r"ciudad|cidade|local|ubicacion)\b)|"
    # not "pelados": Colombian for kids, and "peladas" are Brazilian football games
    r"peitos|nudez|transa|safadeza|nackt|nackig|schwanz|seggs|segs|bellac[oa]|"
    r"bellaqueo|netflix and chill"
)
# Asking for sex or explicit images, or describing sexual acts: the message
# is explicit even without a crude word.
SOLICITATION: Final = (
    r"\b(?:send|sned|show|gimme|give me|trade|swap|want|wanna|got|have|manda|mandame|"
    r"envia|enviame|pasame|pasa|kirim|kirimin|minta|me manda|manda ai|schick|schick mir|"
    r"zeig|zeig mir|hast du|tenes|tienes|tem|tens|punya)\s+(?:(?:me|mir|me|some|any|ur|your|tus|"
    r"teus|seus|deine|"
    r"ein|eine|una|uma|unas|umas|foto|fotos|pics|bilder|el|o|la|os)\s+){0,2}(?:nudes?|"
    r"nudez|pack|packs|pack de fotos|fotos? (?:desnud[ao]|hot|intimas?|pelad[ao]|peladinh[ao]|"
    r"bugil|telanjang|sin ropa|sem roupa)|nacktbilder|nacktfotos|bilder ohne|foto bugil|"
    r"foto telanjang|dick pics?|tit pics?|boob pics?|lewds)\b|"
    # "send me a nude" (not "got a pack of gum": a pack is asked for in the plural only)
    r"\b(?:send|sned|show|gimme|give me|trade|swap)\s+(?:me\s+)?a\s+(?:nude|dick pic|tit pic|"
    r"boob pic|lewd)\b|"
    r"\b(?:wanna|want to|let s|lets|can we|i want to|i wanna|i d like to|do you want to|"
    r"quieres|quiero|vamos a|queres|quer|vamos|bora|willst du|ich will|lass uns|mau|"
    r"yuk|ayo)\s+(?:have sex|fuck|hook up for sex|sext|sexting|tener sexo|hacer el amor|"
    r"coger|follar|transar|fazer sexo|foder|sex haben|ficken|bumsen|ngewe|ngentot|vcs|"
    r"sexting|cybersex)\b|"
    r"\b(?:i want to|i wanna|im gonna|i will|i ll|ill)\s+(?:fuck|suck|lick|eat|finger)\s+"
    r"(?:you|u|ur|your)\b|\b(?:sit on my|suck my|lick my|touch my)\s+\w+|\bmy\s+(?:dick|cock)\b|"
    r"\b(?:mi|meu|minha|mein|meinen)\s+(?:verga|polla|pija|pito|pau|piroca|rola|schwanz)\b|"
    r"\bkontol\s+(?:gue|gw|aku)\b|"
    # fancying sex, asked ("lust auf sex heut nacht?", "tienes ganas de sexo")
    r"\b(?:lust auf|luscht uf|bock auf|ganas de|vontade de|apetece me|me apetece|pengen|want|"
    r"wanna|down for|up for)\s+(?:(?:fazer|tener|hacer|haben|machen|have|ein|un|um)\s+)?"
    r"(?:(?:some|a|un|una|um|uma|bisschen|ein bisschen)\s+)?(?:sex|sexx|sexo|seks|ngeseks|"
    r"coger|follar|ficken|bumsen|transar)\b(?!\s+(?:ed|education|educacion|educacao))|"
    # a massage "with a happy ending", sex offered for money
    r"\b(?:massages?|masajes?|massagem|massagens|pijat)\s+(?:\S+\s+){0,2}?(?:with|con|com|mit|"
    r"dengan|plus)\s+(?:a\s+|un\s+|uma\s+)?(?:happy ending|final feliz|happy end|plus)\b|"
    # ...a show on camera for a price: paid by an app, or by the minute
    r"\b(?:cam ?show|cam|webcam|show por (?:camara|cam|webcam)|show privado|privatshow|"
    r"chamadas? de video quentes?|video ?call hot|vc hot|videollamada caliente)\b(?:\s+\S+){0,5}?"
    r"\s+\d{2,4}\s*(?:euros?|eur|dollars?|bucks|reais|pesos|rb|ribu|k|quid)?\s*(?:(?:por|per|"
    r"via|no|na|in|on|uber|pelo|lewat|pake)?\s*(?:bizum|pix|paypal|mercado pago|gopay|ovo|dana|"
    r"cashapp|venmo|revolut)|(?:for|per|por|pro|fur|untuk)\s+\d{1,2}\s*(?:mins?|minutes|"
    r"minutos|minuten|menit))\b|"
    # ...a meeting for a price by the hour or the night
    r"\b(?:meets?|encuentros?|programas?|treffen|full service|servicio completo|completinho|"
    r"todo incluido|tudo incluido|alles inklusive|acompanhante|acompanante|escort|begleitung|"
    r"begleiterin)\b(?:\s+\S+){0,6}?\s+\d{2,4}\s*(?:euros?|eur|dollars?|bucks|reais|pesos|rb|"
    r"ribu|k|quid)?\s*(?:for (?:the|an|a)|per|the|a|la|por|pro|die|sejam)?\s*(?:hour|hora|"
    r"stunde|jam|overnight|noche|nacht|meia hora|media hora|halbe stunde|half an hour)\b|"
    r"\b\d{2,4}\s*(?:euros?|eur|dollars?|reais|pesos|rb|ribu|k)?\s*(?:for (?:the|an|a)|per|the|"
    r"a|la|por|pro|die)?\s*(?:hour|hora|stunde|jam)\b(?:\s+\S+){0,4}?\s+(?:full service|"
    r"completinho|todo incluido|tudo incluido|alles inklusive|all inclusive|overnight|toda la "
    r"noche|a noite toda|die ganze nacht)\b|"
    r"\b(?:incall|outcall|open bo|"
    r"open booking|temen tidur|teman tidur)\b|"
    # someone sought for sex: "looking for a woman to have sex with tonight",
    # "busco alguien para coger", "procuro alguém pra transar", "suche eine
    # Frau zum Ficken", "nyari cewek buat ngewe"
    r"\b(?:looking for|searching for|want|need|busco|buscando|procuro|procurando|quero|suche|"
    r"nyari|cari|mencari)\s+(?:(?:a|an|some|someone|somebody|a girl|a woman|a guy|a man|alguien|"
    r"una|un|uma|um|alguem|eine|einen|jemand\w*|cewek|cowok|cewe|cowo)\s+){1,2}(?:to|para|pra|"
    r"zum|buat|untuk|who\s+wants\s+to|que\s+quiera)\s+(?:have sex|fuck|bang|hook up|sleep|"
    r"coger|follar|tener sexo|transar|foder|fazer sexo|ficken|bumsen|ngewe|ngentot|ml)\b|"
    # ...or to do it to the speaker: "alguien me la chupe"
    r"\b(?:alguien|alguna|una)\s+(?:que\s+)?me\s+la\s+(?:chupe|mame)\b|"
    # Brazilian slang: "bora meter hj", "curte uma putaria?"
    r"\b(?:bora|vamos|quer|queres|vem)\s+(?:\S+\s+)?meter\b(?!\s+(?:o|a|os|as|um|uma|isso|"
    r"medo|a mao|o pe|o dedo)\b)|"
    r"\b(?:curte|curtes|gosta de|quer|bora fazer)\s+(?:uma\s+)?putaria\b|"
    # aroused at the thought of the partner: "I'm hard just thinking about it"
    r"\b(?:i m|im|i am|i get|getting)\s+(?:so\s+|rock\s+)?(?:hard|horny|wet)\s+(?:just\s+"
    r"(?:thinking|looking|imagining|reading)|(?:thinking|imagining)\s+(?:about|of)\s+(?:you|u|"
    r"ur|your))\b"
)
# The emoji code for sex: an aubergine beside a peach, drops or a tongue, or
# a peach beside drops ("🍑🍆💦"). One fruit alone is a fruit. Plain form.
SEXUAL_EMOJI: Final = (
    "\U0001f346[^\n]{0,40}?[\U0001f351\U0001f4a6\U0001f445]|"
    "[\U0001f351\U0001f4a6\U0001f445][^\n]{0,40}?\U0001f346|"
    "\U0001f351[^\n]{0,40}?\U0001f4a6|\U0001f4a6[^\n]{0,40}?\U0001f351"
)
# Explicit without a crude word: a picture asked for or offered with nothing
# on, an order to undress, touching oneself or being aroused described, an
# offer of sex talk, a picture of one's own genitals. Words form.
# A lone article may be glued to a spaced word when folded ("a p i c").
_PICTURE = (
    r"(?:pics?|pictures?|photos?|fotos?|bild(?:er)?|selfies?|pap|nudes|apic|apics|nbild|"
    r"video ?call|videocall|videollamada|videochamada|webcam)"
)
_BARE = (
    r"(?:no clothes|without clothes|nothing on|naked|nude|topless|in (?:your|ur) (?:bra|"
    r"underwear|panties)|sin ropa|desnud[oa]s?|en (?:brasier|bra|sosten|ropa interior|"
    r"calzones|tanga)|sem roupa|pelad[oa]s?|de (?:calcinha|sutia|cueca)|ohne (?:klamotten|"
    r"kleidung|was an|alles|bh|oberteil|shirt|t shirt|tshirt|top)|nackt|nackig|oben ohne|im bh|"
    r"in unterwasche|"
    r"untenrum|"
    r"without (?:a |your |ur )?(?:shirt|top)|sin (?:camiseta|remera|polera|blusa)|sem (?:camisa|"
    r"blusa|camiseta)|"
    r"(?:ga|gak|nggak|tanpa|tidak) (?:pake|pakai) baju|tanpa baju|telanjang|bugil|pake bh|"
    r"pakai bh|pake daleman|pakai daleman|yang lebih terbuka|yg lebih terbuka|lebih terbuka|"
    r"more revealing|something revealing|mas atrevid[oa]|mais ousad[oa]|freizugiger|"
    r"baju dalem|baju dalam|in lingerie|en lenceria|de lingerie)"
)
# Someone in the exchange: a picture of a nude beach is not asked for. Read
# only once NUDE_PICTURE matched.
BETWEEN_US: Final = (
    r"\b(?:you|u|ur|your|me|my|mine|i ll|ill|te|tu|ti|mi|me|vc|voce|teu|tua|meu|minha|"
    r"mich|mir|dich|dir|du|deins?|meins?|kamu|km|aku|gue|lu|lo|anda|saya|dong|mandarme|enviarme|"
    r"mandame|enviame|pasame|mostrame|muestrame|mandas|mandes|manda|kirimin|schickst|schick|"
    r"send|"
    r"zeigst)\b"
)
# Said of a picture asked for, it is a sexual one ("send me a sexy pic").
_SEXY = r"(?:sexy|sexi|seksi|sensual|provocante|provocativa)"
_SHOT = r"(?:pic|pics|picture|photo|photos|foto|fotos|selfie|selfies|bild|bilder)"
# A picture with nothing on, either word first.
NUDE_PICTURE: Final = (
    rf"\b{_PICTURE}\b(?:\s+\S+){{0,6}}?\s+{_BARE}\b|\b{_BARE}\b(?:\s+\S+){{0,4}}?\s+"
    rf"{_PICTURE}\b"
)
SEXUAL_ACTS: Final = (
    r"\b(?:take (?:your|ur) clothes off|strip for me|undress for me|te desvistes|desvistete|"
    r"quitate la ropa|tira a roupa|tira tua roupa|tira sua roupa|zieh dich aus|buka baju|"
    r"lepas baju|take (?:your|ur) (?:top|shirt|bra) off|take off (?:your|ur) (?:top|shirt|bra)|"
    r"quitate (?:la camiseta|la polera|la remera|la playera|el top|el brasier|el sosten)|"
    r"tira (?:a parte de cima|a blusa|a camisola|a camiseta|o sutia|o top)|zieh (?:dein|deinen) "
    r"(?:t shirt|tshirt|oberteil|shirt|bh|top) aus|lepas (?:bajumu|baju kamu|bh)|buka (?:bajumu|"
    r"baju kamu|bajunya|bh))\b|"
    # (not the English "show": every "that new show" would wake this detector)
    r"\b(?:zeig|zeigst|muestrame|mostrame|ensename|tunjukin|liatin)\s+"
    rf"(?:\S+\s+){{0,3}}?{_BARE}\b|"
    r"\b(?:look|looks|be|are|even)\s+(?:\S+\s+){0,2}?(?:better|hotter|sexier)\s+without\s+"
    r"(?:it|that|them|those|clothes|anything|the top|the shirt)\b|\b(?:te verias|te ves|"
    r"estarias|ficas|ficavas|ficarias)\s+(?:\S+\s+)?(?:mejor|melhor)\s+(?:sin|sem)\s+"
    r"(?:ella|eso|nada|ropa|roupa|ela|isso)\b|"
    r"\b(?:roleplay|role play|rol|juego de rol)\s+(?:18|nsfw|dewasa|hot|sucio|caliente)\b|"
    r"\brp\s+(?:18(?!\s*(?:ribu|rb|rbu|jt|juta|k|tahun|thn|000|\d))|nsfw|dewasa)\b|"
    r"\b(?:escribiendo|escribir|escribamos|escrevendo|escrever|writing|schreiben)\s+(?:\S+\s+)?"
    r"(?:cosas sucias|cochinadas|coisas sujas|coisas safadas|dirty (?:things|stuff)|"
    r"schweinereien|versaute sachen)\b|"
    r"\b(?:(?:im|i m|i am)\s+(?:stroking|touching|playing with) myself|touching myself|"
    r"me (?:la |lo )?estoy tocando|me (?:la |lo )?toco pensando|estou a tocar-me|"
    r"estou a tocar me|to me tocando|"
    r"estou me tocando|ich fass mich (?:grad |gerade )?an|ich fasse mich an|"
    r"lagi (?:coli|colmek)|(?:so|really|super) horny|"
    r"(?:bin so|bin total|bin echt) geil\b(?!\s+(?:gelaunt|drauf|gewesen|war|auf\s+(?!dich\b)))|"
    r"estoy (?:muy |bien )?(?:cachond[oa]|caliente|excitad[oa])|to (?:com tesao|excitad[oa])|"
    r"de pau duro|bin (?:schon )?(?:total |so )?hart|(?:sangat|banget|lagi) terangsang|"
    r"terangsang banget|what (?:i d|id|i would) do to you in bed|lo que te haria en la cama|"
    # a sexy picture asked for: "send me a sexy pic", "kirim foto yg seksi". Its
    # own short list of picture words, not _PICTURE: with _PICTURE's spellings
    # ("pap", "apic", "video call"...) the row holds more alternatives than the
    # gate derives literals for (prefilter._MAX_EXACT), and the relay measured
    # a fifth more instructions a message.
    r"(?:send|mandame|manda|mandar|envia|enviame|kirim|kirimin|schick|schickst|pasame|"
    rf"me passa)\s+(?:\S+\s+){{0,3}}?(?:{_SEXY}\s+{_SHOT}|{_SHOT}\s+(?:(?:yg|yang|que|bem|muy|"
    rf"bien|so|really|mais|mas|bisschen|ein bisschen)\s+){{0,2}}{_SEXY})|"
    # ...or one in underwear, the picture named only as "one" or "it": "send
    # one in your underwear", "manda uma de calcinha", "schick mir eins im bh"
    r"(?:send|mandame|manda|envia|enviame|kirim|kirimin|schick|schickst)\s+(?:me\s+|mir\s+)?"
    r"(?:one|it|some|another|una|otra|uma|outra|eins|noch eins|satu)\s+(?:in|wearing|en|de|em|"
    r"im|pake|pakai)\s+(?:(?:your|ur|tu|sua|tua|deiner|deinem)\s+)?(?:underwear|undies|bra|"
    r"panties|boxers|lingerie|ropa interior|calcinha|sutia|cueca|unterwasche|bh|daleman|"
    r"baju dalem)|"
    r"bend (?:you|u|ya) over|(?:need|needs|want|wants|give (?:you|u))\s+(?:a\s+)?(?:good\s+)?"
    r"(?:hard\s+)?(?:fuck|fucking|shag)|metertela|metersela|te la (?:quiero|voy a|vou) meter|"
    r"fick mich|(?:das |du )?(?:macht|machst) mich (?:so |total |voll |echt |richtig )?geil"
    r"(?!\s+auf\s+(?!dich\b))|"
    r"o que te (?:fazia|faria) na cama|was ich (?:im bett )?mit dir machen (?:wurde|wuerde)|"
    r"wat ich im bett mit dir)\b|"
    r"\b(?:sext|sexting|sexten|telefonsex|phone sex|dirty talk|talk dirty|hablar sucio|"
    r"hablemos cochinadas|cochinadas|falar putaria|falar sacanagem|ngobrol mesum|chat mesum|"
    r"versaut schreiben|video call sex|cybersex)\b|"
    # "vcs" is a video call for sex in Indonesian and "vocês" in Portuguese:
    # only with an Indonesian word beside it ("vcs yuk", "kita vcs sekarang")
    r"\b(?:kita|open|bisa|pengen|pingin|ngajak|ajak|mo|mw|bayar|kak|dek|sayang|say)\s+vcs\b|"
    r"\bvcs\s+(?:yuk|yu|yok|ayo|kuy|gak|ga|gk|nggak|ngga|dong|sama|an|berbayar|bareng|skrg|"
    r"sekarang|sebentar|bentar|aja|yg|yang|ama|berapa|brp|kak|dek|sayang)\b|^vcs\s*\??$|"
    r"\b(?:foto|fotos|pic|pics|picture|photo|bild)\s+(?:de|do|of|von)\s+(?:mi|meu|my|meinem)\s+"
    r"(?:pene|pija|verga|polla|pau|piroca|dick|cock|schwanz)\b|\bfoto\s+kontol\w*\b|"
    # sex described, with someone as its object ("fucked her against the wall",
    # "te cojo hasta que grites", "gue entot dia"), or the speaker aroused
    r"\b(?:fuck|fucked|fucking|fuk|fuckin)\s+(?:her|him|you|u|ya|me)\s+(?:against|until|till|"
    r"hard|harder|senseless|raw|from behind|all night)\b|\b(?:ride|riding|rode)\s+(?:me|my)"
    r"\b(?!\s+(?:bike|car|horse|scooter|board|wave|to|home|back|there|about|over|all|around|"
    r"in|into|up|down|out|hard about))|\bhow\s+hard\s+(?:i\s+am|im|i\s+m)\b|"
    r"\b(?:im|i\s+m|i\s+am)\s+(?:so\s+)?hard\s+(?:right now|rn|for you|for u|thinking (?:about|"
    r"of) (?:you|u))\b|\b(?:im|i\s+m|i\s+am)\s+stroking\s+(?:it|myself|my (?:dick|cock|shaft))\b|"
    r"\bte\s+(?:cojo|cogo|voy a coger|follo|voy a follar)\s+(?:hasta|toda|todo|duro|rico|bien|"
    r"como|por)\b|\bte\s+lo\s+(?:meto|voy a meter|meteria)\b(?!\s+en\b)|"
    r"\bla\s+tengo\s+(?:bien\s+|tan\s+|muy\s+)?(?:parada|dura)\b(?!\s+(?:la|el|los|las|esta|"
    r"esa|este|ese|con|de|en)\b)|\bme\s+la\s+(?:chupas|chupes|chupai|chupai|mamas|mames)\b|"
    r"\b(?:gue|gw|aku|gua)\s+(?:entot|ewe|ngentot|ngewe)\b|\bse\s+masturbar\b|"
    r"\b(?:masturbar|masturbandote|masturbando-te|masturbieren)\s+(?:pra|para|for|fur)\s+"
    r"(?:mim|mi|me|mich)\b|"
    # dirty talk offered ("vamos falar de coisas porcas", "hablemos de cosas sucias")
    r"\b(?:hablar|hablemos|decir|dime|decirte|falar|falamos|dizer|diz|ngobrol|ngomong|omongin|"
    r"reden|sagen|talk|say)\s+(?:\S+\s+){0,2}?(?:coisas porcas|cosas sucias|guarradas|hal jorok|"
    r"hal hal jorok|yang jorok|schmutzige (?:dinge|sachen))\b|"
    # everything shown on camera; what the partner would let them do
    r"\b(?:cam|camara|kamera|webcam)\b(?:\s+\S+){0,4}?\s+(?:ensename|muestrame|mostrame|show me|"
    r"zeig mir|mostra|mostra me|liatin|tunjukin)\s+(?:todo|everything|alles|tudo|semua|semuanya)\b"
    r"(?!\s+(?:you|u|that|what|lo|que|los|las|el|la|was|das|o|os|as|yang|yg|about|de|of|in|on|"
    r"from|von|aus|dari|di|en|em|im|auf))|"
    r"\bwhat\s+(?:you d|youd|you would|u d|ud|u would)\s+let\s+me\s+do\s+to\s+(?:you|u)\b|"
    # an adult role-play asked for
    r"\b(?:bermain peran|main peran|roleplay|role play|rollenspiel|rol|rp)\s+(?:(?:dewasa|yang|yg|"
    r"que|sea|bien|muy|super|mas|bem|mais|ein|un|una|um|uma|a|an|bien)\s+){0,2}"
    r"(?:eksplisit|explicit|explicito|explicita|erotic|erotico|erotica|erotisch|erotis|sexual|"
    r"seksual|sexuell)\b|"
    # masturbating, described or asked for; aroused "rock hard"
    r"\b(?:(?:im|i m|i am)\s+(?:jerking|jacking) off|jerk off for me|wank for me|masturbate for me|"
    r"me masturbo|me estoy masturbando|mientras me masturbo|estou me masturbando|to me "
    r"masturbando|ich masturbiere|lagi onani|rock hard)\b|"
    # the speaker's erection, their touching or climax, the partner's, described
    r"\b(?:polla|verga|pene|pija|pau|piroca|rola|schwanz|kontol|kontolku)\s+(?:bien\s+|muy\s+|"
    r"tan\s+|re\s+|toda\s+|todo\s+|so\s+|ganz\s+|udah\s+|sudah\s+|lagi\s+)?(?:dura|duro|"
    r"durissimo|parada|parado|erecta|erecto|hart|tegang|latejando|ngaceng)\b|"
    r"\bte\s+tocas\s+(?:\S+\s+){0,3}?(?:sola|solo|desnud[ao]|en la cama|pensando en mi)\b|"
    r"\bse\s+toca\s+pensando\s+em\s+mim\b|\bgeil auf dich\b|"
    r"\b(?:bin|werde)\s+(?:so\s+|ganz\s+)?feucht\s+(?:wegen dir|fur dich|fuer dich)\b|"
    r"\b(?:are you|r u|are u)\s+wet\s+for\s+(?:me|u)\b|"
    r"\bhear\s+(?:you|u)\s+moan\b|\bso wet for (?:me|you|u)\b|"
    r"\b(?:encima de ti|arriba tuyo|en tu cama|na tua cama|in deinem bett)\s+(?:\S+\s+){0,1}?"
    r"(?:desnud[ao]|pelad[ao]|nu|nua|nackt)\b|\b(?:desnud[ao]|nackt|pelad[ao]|nua)\s+"
    r"(?:\S+\s+){0,1}?(?:encima de ti|en tu cama|na tua cama|in deinem bett)\b|"
    r"\bdu mich leckst\b|"
    r"\b(?:bin ich|ich bin|bin)\s+(?:grad|gerade|jetzt|echt|voll|total|ziemlich|so|richtig|mega|"
    r"sehr)\s+(?:\S+\s+)?geil\b(?!\s+(?:gelaunt|drauf|auf\s+(?!dich\b)))|"
    r"\b(?:video|videos|chamada de video|chamada)\s+(?:\S+\s+){0,1}?(?:transando|fodendo|gozando|"
    r"me masturbando|se masturbando)\b|"
    r"\b(?:pake|pakai|pakek)\s+(?:bra|bh|cd|celana dalam|beha)\s+warna\s+apa\b|"
    r"\bwhat\s+colou?r\s+(?:bra|panties|underwear|thong)\s+(?:are you|r u|are u|u|you)\s+"
    r"wearing\b|\bque\s+color\s+(?:de\s+)?(?:bragas|calzones|tanga|sosten|brasier|bra)\s+"
    r"(?:llevas|traes|usas)\b|\bcor\s+(?:da|do)\s+(?:sua\s+|tua\s+)?(?:calcinha|sutia|cueca)\s+"
    r"(?:\S+\s+){0,2}?usando\b|"
    # undressing the partner, described
    r"\b(?:undress you|desnudarte|desvestirte|te desnudar|te despir|despir te|dich ausziehen|"
    r"nelanjangin (?:kamu|km|lo|lu))\b|"
    # undressing on camera ("wir könnten uns auf cam ausziehen", "videocall und du
    # ziehsch dis tshirt us"), touching oneself with or for the partner
    r"\b(?:cam|kamera|webcam|videocall|video call|videollamada|videochamada|vc)\s+(?:\S+\s+){0,5}?"
    r"(?:ausziehen|ziehs?c?h?s?t?\s+(?:\S+\s+){0,2}?(?:aus|us)|desnud\w+|encuer\w+|"
    r"quitate la ropa|tira a roupa|buka baju|strip|undress)\b|"
    r"\b(?:ausziehen|desnudarnos|strip|undress)\s+(?:\S+\s+){0,2}?(?:auf|on|en|na|di)\s+"
    r"(?:der\s+)?(?:cam|kamera|webcam)\b|"
    r"\btouch\s+(?:yourself|urself)\s+(?:with|for)\s+me\b|"
    r"\bwhat\s+(?:you|u)(?:d| would)?\s+(?:\S+\s+){0,3}?do\s+to\s+(?:me|you|u)\s+in\s+bed\b|"
    # a picture of, or a show of, intimate parts
    r"\b(?:foto|fotos|foti|fotis|pic|pics|picture|photo|bild|bilder|mostrar|mostra|muestra|"
    r"muestrame|mostrame|mostri|ensename|zeig|zeigen|liatin|tunjukin|liat|lihat)\s+(?:\S+\s+)"
    r"{0,3}?(?:arsch|dada|"
    r"ass|butt|culo|nalgas|nalguitas|pompis|bunda|pantat|bokong|hintern|tetas|tetitas|"
    r"peitos|peitinhos|boobs|tits|titties|brueste|bruste|titten|payudara|toket|tete|pussy|coño|"
    r"cono|concha|buceta|xoxota|muschi|memek|pene|dick|cock|schwanz|kontol|pico|pija|verga|"
    r"polla|nipples|pezones|mamilos)\b|\bnackt(?:foto|fotos|bild|bilder|pic|pics)\b|"
    # wanting to see the partner with nothing on
    rf"\b(?:want to|wanna|would love to|d love to|quiero|quisiera|me encantaria|quero|queria|"
    rf"mau|pengen|ingin)\s+(?:\S+\s+){{0,2}}?(?:see|ver|verte|te ver|liat|lihat)\b(?:\s+\S+)"
    rf"{{0,3}}?\s+{_BARE}|\b(?:will|mochte|moechte|wurde|wuerde)\s+dich\s+(?:\S+\s+){{0,2}}?"
    rf"{_BARE}\s+sehen\b|"
    r"\b(?:want to see|wanna see|quieres ver|queres ver|quer ver|willst du|wotsch|mau liat)\s+"
    r"(?:\w+\s+)?(?:my|mi|meu|meinen|min|punyaku)\s+(?:dick|cock|pene|pija|verga|polla|pau|"
    r"piroca|schwanz|kontol)\b"
)
# A video with nothing on ("mándame un video desnuda"): read only once a
# word for nakedness matched (a video's name alone would wake the detector on
# every "video games").
# Questions about bed and what is worn to sleep: "what do you like in bed",
# "¿qué te pones para dormir?", "was ziehst du zum Schlafen an?". Asked of a
# stranger they are sexual talk; a sleepover's "what time do you go to bed"
# is not one of them.
BED_QUESTIONS: Final = (
    r"\bwhat\s+(?:do|would|does)\s+(?:you|u)\s+(?:like|love|do|enjoy|wear)\s+(?:in|to)\s+bed\b|"
    r"\bwhat\s+(?:are|r)\s+(?:you|u)\s+(?:like|into)\s+in\s+bed\b|"
    r"\b(?:que|q|o que)\s+(?:cosas\s+)?te\s+gusta(?:n)?\s+(?:hacer\s+)?en\s+la\s+cama\b|"
    r"\b(?:que|q)\s+te\s+(?:pones|pone|gusta ponerte)\s+(?:para|pa|pra)\s+dormir\b|"
    r"\bcon\s+(?:que|q)\s+duermes\b|\b(?:o que|oq|q)\s+(?:voce|vc|tu|ce)\s+(?:usa|veste|gosta "
    r"de fazer|faz)\s+(?:pra|para|na)\s+(?:dormir|cama)\b|\bwas\s+(?:ziehst|hast|tragst)\s+du\s+"
    r"(?:zum schlafen|im bett|nachts)\s*(?:an)?\b|\bwas\s+magst\s+du\s+im\s+bett\b|"
    r"\b(?:kamu|km|lo|lu)\s+(?:kalo\s+|klo\s+)?tidur\s+(?:pake|pakai)\s+apa\b|\bsuka\s+"
    r"ngapain\s+di\s+(?:ranjang|kasur)\b"
)
NUDE_VIDEO: Final = (
    r"\b(?:videos?|vids?)\s+(?:(?!(?:of|de|do|da|von|dari)\b)\S+\s+){0,2}?(?:desnud[ao]s?|naked|"
    r"nude|nua|pelad[ao]s?|bugil|"
    r"telanjang|nackt)\b"
)
# Sexual words said as an oath or a dismissal ("vai se foder", "a la verga",
# "me vale verga", "que se foda", "fick dich"): swearing or an insult, the
# toxicity detectors' business, never sexual content. The sexual detector
# reads a message with these taken out.
SEXUAL_EXPLETIVES: Final = (
    r"\b(?:vai (?:se|te) (?:foder|fuder)|(?:que )?se (?:foda|fodam|fode)|foda se|"
    r"(?:vete|andate|anda|vayanse|vamos) a la (?:verga|vrg)|a la (?:verga|vrg)|(?:me|nos|le|te) "
    r"vale (?:verga|vrg)|(?:de|pura|ni|que|una|bien|esta|esto|hasta la) verga|verga(?= ya\b)|"
    r"fick dich|fickt euch|ficken sie sich|verfickte?[nrs]?|verfickt)\b"
)
