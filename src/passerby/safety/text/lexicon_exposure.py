"""Threats of what will follow: veiled ("it would be a shame if your boss
found out") and exposure (pictures or chats to be sent to the partner's
people unless paid or obeyed).

Pattern sources, like :mod:`.lexicon` (whose conventions they follow);
:mod:`.patterns` compiles them for :class:`.insults.Insults`.
"""

from __future__ import annotations

from typing import Final

from passerby.safety.text.lexicon import not_after

# Veiled threats: "it would be a shame if your boss found out", "sería una
# lástima que tu jefe se enterara", "seria uma pena se a sua mãe
# descobrisse", "sayang kalau atasan Anda dengar", "wäre schade, wenn deine
# Eltern das lesen", and the like of "if something happened to you" or to
# what is theirs. The idiom alone ("it'd be a shame if you missed it") is
# no threat: someone close to the partner who would learn, or harm, must
# follow it.
_THEIR_PEOPLE = (
    r"(?:your|ur|yer|tu|tus|su|sus|seu|sua|teu|tua|o seu|a sua|dein|deine|deinen|deiner|ihr|"
    r"ihre|ihren|ihrer|mu|kamu|anda|lo|lu)\s+(?:\S+\s+)?(?:boss|bosses|mum|mom|mother|dad|"
    r"father|parents|wife|husband|girlfriend|boyfriend|gf|bf|school|teacher|class|year|"
    r"friends|family|coworkers|colleagues|kids|employer|manager|jefe|jefa|madre|mama|padre|"
    r"papa|padres|viejos|esposa|esposo|mujer|novia|novio|escuela|colegio|profe|profesor|"
    r"amigos|familia|hijos|trabajo|chefe|mae|pai|pais|marido|namorada|namorado|escola|"
    r"professor|amigos|filhos|trabalho|chef|chefin|mutter|vater|eltern|frau|mann|freundin|"
    r"freund|schule|lehrer|klasse|kollegen|familie|kinder|arbeit)\b|\b(?:everyone|everybody|"
    r"the whole (?:school|class|year)|todos|todo el mundo|toda la escuela|todo mundo|toda a "
    r"escola|alle|die ganze (?:schule|klasse)|semua orang|(?:atasan|bos|ortu|orang tua|ibu|"
    r"mama|bapak|ayah|papa|guru|istri|suami|pacar|kantor|teman|temen|keluarga)\s*(?:mu|lu|"
    r"lo|kamu|anda))\b"
)
_WOULD_LEARN = (
    r"(?:found out|find out|finds out|saw|sees|see|read|reads|heard|hears|knew|learned|got|"
    r"received|started getting|se enterara|se enteraran|se entere|viera|vieran|leyera|"
    r"leyeran|supiera|supieran|recibiera|recibieran|descobrisse|descobrissem|descobrir|"
    r"visse|vissem|lesse|lessem|soubesse|soubessem|recebesse|recebessem|comecasse a receber|"
    r"tahu|tau|baca|lihat|liat|dengar|denger|menerima|dapat|erfahrt|erfahren|erfahren wurde|"
    r"sieht|sehen|liest|lesen|wusste|horen|hort|bekommt|bekame)"
)
# "...if your mum didn't see it", "que tu mamá no viera el partido": no threat.
_NOT_NEGATED = not_after(
    "no",
    "not",
    "nao",
    "nicht",
    "gak",
    "tidak",
    "never",
    "didnt",
    "dont",
    "wouldnt",
    "nunca",
    "nie",
    "ga",
)
VEILED_THREATS: Final = (
    rf"\b(?:(?:would|itd|d|will)\s+be\s+(?:a\s+)?(?:real\s+)?(?:shame|pity)\s+if|seria\s+(?:una\s+|"
    rf"uma\s+)?(?:lastima|pena)\s+(?:que|si|se)|sayang\s+(?:sekali\s+|banget\s+|bgt\s+)?"
    rf"(?:kalau|kalo|jika|bila)|ware?\s+(?:doch\s+|echt\s+)?schade\s+wenn|war\s+schad\s+wenn)"
    rf"\s+(?:\S+\s+){{0,4}}?(?:{_THEIR_PEOPLE})\s+(?:\S+\s+){{0,4}}?{_NOT_NEGATED}{_WOULD_LEARN}\b|"
    rf"\b(?:(?:would|itd|d|will)\s+be\s+(?:a\s+)?(?:shame|pity)\s+if\s+something\s+happened\s+to\s+"
    rf"(?:you|u|your|ur)|(?:seria\s+(?:una\s+|uma\s+)?(?:lastima|pena)\s+(?:que|si|se)\s+)"
    rf"(?:te|le|lhe)\s+(?:pasara|acontecesse)|(?:wenn|falls)\s+(?:dir|ihnen)\s+(?:was|etwas)\s+"
    rf"passier\w*|sayang\s+(?:\S+\s+){{0,2}}?(?:kalau|kalo|jika)\s+(?:\S+\s+){{0,3}}?"
    rf"(?:kenapa(?:\s+|-)?napa|terjadi sesuatu))\b"
)
# Exposure threatened, sextortion first: the partner's pictures or chats
# held ("got ur pics from ur ex", "tengo capturas de lo que le dijiste",
# "hab deine Bilder von deinem Ex"), to be sent to the people they know
# ("gonna send em to ur whole contact list", "mañana las ve tu jefe",
# "schick ich deinem Chef"), unless paid or obeyed ("pay up or everyone's
# seeing them", "300€ per PayPal oder alle sehen sie", "las subo si no me
# pasas 2000", "se vc não sair do time, a escola inteira vai ver").
_HELD_THINGS = (
    r"(?:pics|pictures|photos|nudes|nude pics|fotos|fotinhos|fotitos|nudez|bilder|nacktbilder|"
    r"nacktfotos|videos?|screenshots?|screens|capturas|prints|chats|foto2|foto|ss|ss an)"
)
_THEM = r"(?:them|em|it|las|los|las fotos|as|os|die|sie|es|itu|fotonya)"
# What an exposure threat cannot be said without: the pictures or chats, a
# way to pay, the people who would see, or the verbs of posting. Read first,
# so that the threat's long pattern is read only beside one of them.
EXPOSURE_HINT: Final = (
    r"\b(?:pics|pictures|photos|nudes|fotos|fotinhos|fotitos|nudez|bilder|nacktbilder|nacktfotos|"
    r"videos|screenshots?|screens|capturas|prints|ss|chats?|foto|fotomu|ktp|contact ?list|"
    r"contactos|contatos|kontakte|everyone|everyones|everybody|everybodys|todo el mundo|"
    r"todo mundo|semua orang|insti|escola inteira|toda a escola|toda la escuela|todo el colegio|"
    r"die ganze schule|the whole school|story|paypal|pix|bizum|jefe|jefa|chefe|chef|boss|bos|"
    r"atasan|family|familia|familie|keluarga|parents|padres|pais|eltern|ortu|subo|posto|poste|"
    r"sebar\w*|vazo|vazar|leak\w*|alle sehen|ja era)\b"
)
EXPOSURE: Final = (
    # held, from someone the partner was close to
    r"\b(?:i\s+(?:have|got)|i\s*ve\s+got|ive|got|tengo|tenemos|tenho|temos|hab|habe|ich\s+hab\w*|"
    r"punya|aku\s+punya|gw\s+punya|gue\s+punya|saya\s+punya|jemand\s+mit|alguien\s+que\s+tiene|"
    r"alguem\s+que\s+tem)\s+(?:(?:all|todas|todos|alle|semua|the|los|las|os|as|die)\s+)?"
    r"(?:(?:ur|your|tus|tu|teus|tuas|seus|suas|deine|deinen|dein)\s+)?"
    + _HELD_THINGS
    + r"\b(?:\s+\S+){0,4}?\s+(?:from|de|do|da|von|dari)\s+(?:(?:ur|your|tu|teu|tua|seu|sua|"
    r"deinem|deiner|dein)\s+)?(?:ex|mantan\w*|ex novi[oa]|ex namorad[oa]|zweiten profil|lo que "
    r"(?:le )?dijiste|do que (?:vc|voce|tu) (?:falou|disse))\b|"
    # sent or shown to the partner's people
    # by the speaker ("gonna send em", "las mando", "vou mandar", "schick ich",
    # "gue sebarin"), not advice ("zeig sie deinen Eltern", "show your parents")
    r"\b(?:(?:i ll|ill|i will|im gonna|i m gonna|gonna|imma|ima|i m going to|im going to|i can|"
    r"i could)\s+(?:\S+\s+)?(?:send|post|show|leak|forward)|mando|envio|subo|publico|muestro|"
    r"(?:voy a|vou|posso)\s+(?:\S+\s+)?(?:mandar|enviar|subir|publicar|mostrar|postar|vazar)|"
    r"posto|mostro|vazo|(?:schick|zeig|poste|leake|verschick)\w*\s+ich|ich\s+(?:schick|zeig|"
    r"poste|leake|verschick)\w*|(?:gue|gw|gua|aku|saya)\s+(?:\S+\s+)?(?:sebar\w*|kirim\w*))\s+(?:(?:"
    + _THEM
    + r"|ich|em|tudo|todo|alles|semua)\s+){0,2}(?:to|a|al|pra|para|"
    r"pro|an|ke|zu)?\s*(?:" + _THEIR_PEOPLE + r"|(?:ur|your)\s+(?:whole\s+)?contact\s*list|"
    r"(?:tus|teus|seus|deine)\s+(?:contactos|contatos|kontakte))|"
    r"\b(?:manana|amanha|morgen|besok|tomorrow)\s+(?:" + _THEM + r"\s+)?(?:las|los|as|os|die|sie)?"
    r"\s*(?:ve|ven|vera|veran|ve|vai ver|vao ver|sieht|sehen|liat|lihat|sees|will see)\s+"
    r"(?:" + _THEIR_PEOPLE + r")|"
    # ...unless paid or obeyed
    r"\b(?:pay|pay up|send|manda|mandame|pasa|pasame|paga|zahl|zahlst|bayar|transfer|"
    r"\d+\s*(?:\$|€|euros?|eur|reais|pesos|rb|ribu|k)?\s*(?:per|por|no|via|lewat|on)\s+\w+)\b"
    r"(?:\s+\S+){0,4}?\s+(?:or|o|ou|oder|atau)\s+(?:(?:everyone|everyones|everybody|everybodys|"
    r"todos|todo el mundo|"
    r"todo mundo|alle|semua)\b|ja era\b|(?:i|ill|i ll)\s+(?:send|post|leak|show)\b|(?:las|los|as|"
    r"os|die|sie)\s+(?:subo|posto|schick)|se\s+acabo\b)|"
    r"\b" + _THEM + r"\s+(?:subo|publico|mando|posto|mostro|poste|schick\w*|sebar\w*|upload|post|"
    r"send|leak)\s+(?:\S+\s+){0,2}?(?:si no|se nao|se (?:vc|voce|tu) nao|wenn du nicht|unless|"
    r"if (?:you|u) (?:dont|don t|do not)|kalau (?:lo|lu|kamu) (?:ga|gak|nggak|tidak))\b|"
    # the condition first: "si no m pasas 20 euros las subo al grupo", "kalo
    # gak, semua chat kamu aku kirim ke kantormu", "otherwise everyone sees it"
    r"\b(?:si no|se nao|wenn du nicht|kalo gak|kalau tidak|kalo nggak)\s+(?:me\s+|m\s+)?"
    r"(?:pasas|pagas|mandas|das|haces|pagar|mandar|zahlst|transfer\w*|bayar)\b(?:\s+\S+){0,6}?\s+"
    r"(?:las|los|as|os|sie|die)\s+(?:subo|publico|mando|paso|ensen\w*|posto|mando|schick\w*|"
    r"poste\w*)\b|"
    r"\b(?:otherwise|or else|sonst|si no|senao|kalo gak|kalau tidak)\b,?\s+(?:everyone|everybody|"
    r"todo el mundo|todos|todo mundo|alle|semua orang)\s+(?:\S+\s+)?(?:sees|will see|gets|"
    r"lo ve|lo vera|vai ver|sieht|sehen|tau|liat)\b|"
    r"\b(?:end up|go up|are up|get posted)\s+on\s+(?:everyone s|everyones|the whole school s|"
    r"your (?:mum s|mom s|class s))\s+(?:story|stories|feed|group chat)\b|"
    # someone's words held: "tengo las capturas de lo que dijiste de la profe",
    # "i have screenshots of everything you said about chloe"
    r"\b(?:i\s+(?:have|got)|ive\s+got|tengo|tenho|hab|habe|aku\s+punya|gw\s+punya|gue\s+punya)\s+"
    r"(?:\S+\s+){0,2}?(?:screenshots?|screens|capturas|prints|ss)\s+(?:of|de|d|do|da|von|dari)\s+"
    r"(?:everything\s+|todo\s+|tudo\s+|allem\s+)?(?:lo\s+)?(?:(?:what|que|q|was|yang)\s+)?"
    r"(?:you|u|vc|voce|tu|du|kamu|lo|lu)?\s*(?:said|wrote|dijiste|escribiste|falou|disse|"
    r"escreveste|gesagt|geschrieben|bilang|omongin)\b|"
    # passed on to the partner's people: "se las paso a tus padres", "foto ktp
    # lo gw sebar ke grup"
    r"\b(?:se\s+)?(?:las|los)\s+(?:paso|mando|envio|enseno|muestro|subo)\s+(?:a|al)\s+"
    r"(?:" + _THEIR_PEOPLE + r")|"
    r"\b(?:foto|fotomu|ktp|chat|ss|screenshot)\s*(?:lo|lu|kamu|km|mu)\s+(?:\S+\s+){0,2}?"
    r"(?:gw|gue|gua|aku)\s+(?:sebar\w*|post\w*|upload\w*)\b|"
    r"\b(?:si no|se nao|se (?:vc|voce|tu) nao|wenn du nicht|if (?:you|u) (?:dont|don t|do not))\s+"
    r"(?:\S+\s+){0,8}?(?:todo el insti|toda la escuela|todo el colegio|todo el mundo|everyone|"
    r"the whole school|a escola inteira|toda a escola|todo mundo|die ganze schule|alle)\s+"
    r"(?:\S+\s+)?(?:will see|vera|veran|vai ver|sieht|sehen|sees|va a ver|lo vera)\b"
)
