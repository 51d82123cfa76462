"""What a groomer asks for, in the other four languages: a video call, a
camera, an age or a school year, to carry on in another app, a number, a
game's player id.

Pattern sources, like :mod:`.lexicon_grooming` (whose conventions they
follow); :mod:`.patterns` compiles them.
"""

from __future__ import annotations

from typing import Final

# A video call proposed: "hazme una videollamada", "lass uns per Videocall
# reden", "we can vc on disc" (picture_request 0.8, kind=cam). Read only
# when a word for it is in the message.
VIDEO_CALL: Final = (
    r"\b(?:hazme|haceme|hagamos|hacemos|podemos hacer|podriamos hacer|vamos a hacer|"
    r"we can|we could|can we|could we|lets|let s|wanna|"
    r"lass uns|wir konnen|wir konnten|konnen wir|konnten wir|yuk|ayo|bisa|nanti|kita)\s+"
    r"(?:\S+\s+){0,3}?"
    r"(?:videollamada|video ?call|videocall|videochamada|chamada de video|videoanruf|"
    r"video telefonieren|videotelefonieren|vc|facetime|video ?chat)\b|"
    # in Portuguese "vc" is "você": "faz um favor pra vc" is no call
    r"\b(?:faz|fazemos|bora fazer|vamos fazer|podia fazer|podiamos fazer|poderia fazer|"
    r"poderiamos fazer|pode fazer|podemos fazer|quer fazer|queres fazer)\s+(?:\S+\s+){0,3}?"
    r"(?:videochamada|chamada de video|video ?call|videocall|facetime|video ?chat|chamada)\b"
)
VIDEO_WORDS: Final = ("video", "vc", "facetime", "llamada", "chamada", "anruf")
# "Got a camera?": asked, not yet a request; it counts to a pattern (0.5).
CAMERA_ASKED: Final = (
    r"^\s*(?:(?:and|so|hey|ok)\s+)?(?:(?:do|d)\s+(?:you|u)\s+have|(?:have|got)\s+(?:you|u)"
    r"\s+got|(?:you|u)\s+got|got|have you)\s+(?:a\s+)?(?:cam|camera|webcam)\b|"
    r"\b(?:tienes|tenes|teni|tens|hast du|hasch du|hasch|punya|kamu punya|km punya)\s+"
    r"(?:(?:una|uma|ne|eine|en|e)\s+)?(?:cam|camara|camera|webcam|kamera)\b|"
    r"^\s*ada\s+(?:cam|kamera|webcam)\b"
)
CAMERA_WORDS: Final = ("cam", "kamera")
AGE_QUESTIONS: Final = (
    (
        r"\b(?:quantos|qts)\s+anos\s+(?:voce|vc|tu|ce)\s+tem\b|\b(?:voce|vc|tu)\s+tem\s+"
        r"quantos\s+anos\b|\bqual\s+(?:e\s+)?(?:a\s+)?(?:sua|tua)\s+idade\b|\bwie\s+alt\s+bist"
        r"\s+du\b|\bwie\s+alt\s+(?:bist|bisch|bischt|biste|sind\s+sie)\b|\bcuantos\s+(?:anos\s+)?"
        r"(?:tenes|teni|tenis)\b|\bkamu\s+umur\s+berapa\b|"
        r"\bumur\s*\?",
        0.9,
        "",
    ),
    (
        r"\b(?:edad|idade)\s+(?:y\s+|e\s+)?sexo\b|\bsexo\s+(?:y\s+|e\s+)?(?:edad|idade)\b",
        0.9,
        "kind=asl",
    ),
    (
        # the school year asked: "¿en qué año estás?", "em que ano vc tá?",
        # "welche Klasse?" (not "kelas berapa", which Indonesian teens ask
        # each other in every other chat: with a question about the parents
        # it made two 14-year-olds an adult's pattern)
        r"\b(?:en|em)\s+(?:q|que)\s+(?:ano|grado|curso|serie)\s+(?:estas|vas|andas|ta|tas|"
        r"esta|voce ta|vc ta|voce esta|vc esta)\b|\b(?:welche|in welcher|in welche)\s+klasse\b",
        0.75,
        "kind=grade",
    ),
)
# Proposing to carry on in another app, before its name: "mejor hablamos por
# wasap", "vamos falar no discord", "lieber auf tele schreiben", "ngobrol di
# wa aja yuk". A plain present ("hablamos por whatsapp todos los días") needs
# the proposal's word in front, or the verb's subjunctive.
MOVE_TALK: Final = (
    r"(?:(?:mejor|mas bien|melhor|better|lieber|mending|mendingan|vamos|bora|ayo|yuk|porque no|"
    r"por que no|si queres|si quieres|se quiser|kalo mau|kalau mau)\s+(?:\S+\s+){0,2}?"
    r"(?:hablamos|hablar|charlamos|charlar|chateamos|chatear|seguimos|seguir|falamos|falar|"
    r"conversamos|conversar|continuamos|continuar|ngobrol\w*|chat\w*|lanjut\w*|talk|text|"
    r"schreiben|reden|quatschen)|hablemos|charlemos|sigamos|continuemos|falemos|conversemos|"
    r"continuemos|schreiben wir|reden wir|chatten wir)\s+(?:\S+\s+){0,2}?(?:por|en|no|na|pelo|"
    r"pela|di|ke|lewat|via|auf|uber|im|on|in|over)|"
    # the verb left out: "mejor x wasa", "melhor pelo zap", "lieber auf tele"
    r"(?:mejor|melhor|lieber|mending|mendingan)\s+(?:por|x|pelo|pela|no|na|auf|uber|per|lewat|"
    r"via|di)"
)
# Asking for the partner's number or handle in the other languages: "pásame
# tu número", "me passa teu número", "kasih nomor kamu", "gib mir deine Nummer".
NUMBER_ASKED: Final = (
    r"\b(?:pasame|pasa|pasas|mandame|dame|dime|me das|me pasas|passa|passe|me passa|me manda|"
    r"manda|me da|me de|send|gib mir|gibst du mir|schick mir|schickst du mir)\s+(?:(?:tu|teu|"
    r"seu|o teu|o seu|dein|deine|deinen)\s+)?(?:numero|nro|num|cel|celular|telefono|telefone|"
    r"contacto|contato|nummer|handynummer|handynr)\b(?!\s+(?:de|da|do|del|im|in|auf|beim|"
    r"favorit\w*|preferid\w*)\s+(?!(?:telefono|telefone|celular|cel|tel|whatsapp|wa|zap|"
    r"handy)\b))|"
    # Indonesian: the partner's number ("kasih nomor kamu dong", "minta no wa lo"),
    # not someone's ID card number told of ("dia udah kasih nomor KTP")
    r"\b(?:kasih|kasi|minta|bagi|share)\s+(?:aku\s+)?(?:nomor|nomer|no hp|no wa|nmr|nomor hp|"
    r"nomor wa|wa|kontak)\s*(?:kamu|km|lo|lu|mu|dong|donk|dnk|nya dong)\b"
)
# A player's id asked for ("pásame tu id", "passa o id", "kasih id kamu",
# "whats ur ff id", "gib mir deine id"): the number sent back is a game's.
ID_ASKED: Final = (
    r"\b(?:pasame|pasa|pasas|mandame|dame|me das|me pasas|passa|passe|me passa|me manda|manda|"
    r"me da|kasih|kasi|minta|bagi|give me|send me|send|drop|drop me|gimme|whats|what s|what is|"
    r"gib mir|schick mir|sag mir)\s+(?:(?:tu|teu|seu|o|o teu|o seu|your|ur|dein|deine|deinen)\s+)?"
    r"(?:(?:game|player|ff|free fire|ml|mlbb|roblox|pubg|cod|genshin|uid)\s+)?(?:id|uid|"
    # a game's friend code: "pásame tu código", "send me ur friend code"
    r"codigo|codigo de (?:amigo|entrenador|treinador)|friend ?code|trainer code|kode teman|"
    r"freunde?s?code)\b|"
    r"\b(?:id|uid)\s*(?:mu|kamu|km|lo|lu|nya)\b|\b(?:tu|teu|seu|your|ur|dein|deine)\s+(?:ff\s+|"
    r"game\s+)?id\s*\?"
)
# Asking to move elsewhere, beside an app's name: Portuguese and German.
ASK_FOR_MORE: Final = (
    r"me chama|chama|me add|me adiciona|adiciona|me segue|schreib mir|adde mich|add mich|"
    r"hubungi aku|dm aku|chat aku|chat gw|chat gue|chat gua|dm gw|dm gue|japri|japri aku|"
    r"japri gw|escribeme|mandame mensaje|hablame"
)
