"""Requests told about rather than made: the patterns that tell them.

A request retold ("then he asked for a pic"), imagined ("if someone asks
you"), warned against ("never give your address") or told as a stranger's
story ("yesterday some guy asked me…") is not made to the partner.
:mod:`.context` weighs the signals of such a message; the detectors read
:data:`STRANGER_STORY` and :data:`PAST_TIME` to tell a chat about online
safety. Read on the ``words`` form.
"""

from __future__ import annotations

import re

# Someone else's request, retold or imagined: "he asked her to", "if someone
# asks", "people who want you to", "dia minta", "si alguien te pide", "se
# alguém pedir", "wenn jemand dich fragt".
REPORTED_REQUEST = re.compile(
    r"\b(?:(?:he|she|they|someone|somebody|anyone|anybody|people|a guy|some guy|a man|"
    r"some man|a stranger|strangers|creeps?|predators?|groomers?)\s+(?:who\s+)?(?:asked|asks|"
    r"ask|wanted|wants|want|told|tells|tell|says|said|tried|tries|try|pretend\w*|"
    r"was asking|is asking|are asking|keeps? asking|kept asking)|if\s+(?:someone|somebody|"
    r"anyone|anybody|a stranger|a guy|people)|(?:dia|orang(?: itu)?|cowok itu|om itu)\s+"
    r"(?:minta|nyuruh|bilang|ngajak|nanya)|(?:kalo|kalau|jika|klo)\s+(?:ada\s+)?"
    r"(?:yg|yang|orang|org)|katanya|si\s+alguien|alguien\s+(?:te\s+)?(?:pide|pidio|dijo|"
    r"quiere|queria)|(?:el|ella|ellos)\s+(?:le|les|te)?\s*(?:pidio|pidieron|dijo|dijeron|"
    r"queria)|se\s+algu[eé]m|algu[eé]m\s+(?:te\s+)?(?:pedir|pede|pediu|quer|queria)|"
    r"(?:ele|ela|eles)\s+(?:pediu|pediram|falou|disse|queria)|wenn\s+(?:jemand|einer|"
    r"fremde)|(?:er|sie|jemand)\s+(?:wollte|hat\s+gefragt|fragte|sagte|hat\s+gesagt|"
    r"meinte))\b"
)
# Someone else's request told in the third person, said by itself what it
# is: "then he asked for a pic", "they want you to keep it secret", "asks
# him to move to another app", "después te pide fotos" (the verb's person
# is not the speaker's), "ela pediu", "dia juga minta pindah", "er wollte".
# Unlike "if someone asks", which a groomer says too ("if anyone asks, I'm
# your cousin"), this needs no word of online safety beside it.
TOLD_BY_ANOTHER = re.compile(
    r"\b(?:he|she|they|someone|somebody|some guy|a guy|this guy|the guy|a man|people|creeps?|"
    r"predators?|groomers?|strangers?)\s+(?:\S+\s+){0,4}?(?:asked|askd|asks|wanted|wants|told|"
    r"tells|said|says|sayin|talmbout|tried|tries|kept asking|keeps asking)\b|"
    r"\basks?\s+(?:him|her|them|kids|children|teens|girls|boys)\s+(?:to|for)\b|"
    r"\b(?:te|le|les)\s+(?:pide|piden|pidio|pidieron|pedia|pedian|dice|dicen|dijo|dijeron|"
    r"escribe|escriben|escribio)\b|"
    # told of oneself: "uno me escribió que le mandara fotos", "me pediu foto"
    r"\b(?:uno|un man|un tipo|alguien|un senor|um cara|alguem)\s+(?:\S+\s+){0,3}?me\s+"
    r"(?:escribio|escribe|pidio|pide|mando|manda|dice|decia|escreveu|escreve|pediu|pede|mandou|"
    r"manda|diz)\b|"
    # the Indonesian passive: "temen gue diajak ketemuan", "gue disuruh kirim foto"
    r"\b(?:temen|teman|adik|adek|kakak|sepupu|gue|gw|aku|saya|dia|ada yg|ada yang|(?:kamu|km|lo|"
    r"lu)\s+pernah)\s+(?:\S+\s+){0,3}?(?:diajak|disuruh|diminta|dimintain|dirayu|dibujuk)\b|"
    # a friend's near-meeting told: "temen sekelas aku kemarin hampir mau ketemu cowo..."
    r"\b(?:temen|teman)\s+(?:\S+\s+){0,3}?(?:kemarin|kemaren|dulu|pernah)\s+(?:\S+\s+){0,2}?"
    r"(?:ketemu|ketemuan|diajak)\b|"
    r"\b(?:te|lhe|lhes)\s+(?:pede|pedem|pediu|pediram|diz|dizem|disse)\b|"
    r"\b(?:ele|ela|eles|elas)\s+(?:\S+\s+){0,2}?(?:pede|pedem|pediu|pediram|queria|falou|"
    r"disse|mandou)\b|"
    # "so ein typ in roblox hat mir robux geschenkt und dann gefragt ob..."
    r"\b(?:so\s+)?(?:ein|einer)\s+(?:typ|mann|kerl|alter|junge|fremder)\b(?:\s+\S+){0,10}?\s+"
    r"(?:gefragt|verlangt|gewollt|geschrieben|gesagt)\b|"
    # "ada laki-laki dewasa yang chat aku ... lalu minta foto"
    r"\bada\s+(?:laki laki|lelaki|pria|bapak|bapak bapak|om|om om|akun|cowok|cowo|orang)\b"
    r"(?:\s+\S+){0,10}?\s+(?:minta|nanya|tanya|ngajak|nyuruh|maksa|ngirim)\b|"
    # two past requests narrated, the subject left out: "pediu foto e falou
    # pra n contar", "pidió fotos y le dijo que", "asked for pics and told her to"
    r"\b(?:pediu|pidio|asked|wollte|minta|mintain)\s+(?:\S+\s+){0,3}?(?:e|y|and|und|terus|trus|"
    r"dan|lalu)\s+(?:(?:le|lhe)\s+)?(?:falou|disse|dijo|told|said|sagte|meinte|bilang|nyuruh)\s+"
    r"(?:(?:her|him|them|me|ihr|ihm)\s+)?(?:pra|para|que|to|dass|jangan|not)\b|"
    r"\b(?:dia|doi|mereka|orang itu|om itu|cowok itu|orangnya|cowonya|cowoknya|ceweknya|omnya|"
    r"ada akun|ada om|ada om2|"
    r"ada cowok|ada cowok2|ada orang2)\s+(?:\S+\s+){0,4}?(?:minta|nyuruh|bilang|blg|ngajak|"
    r"nanya|muji|muji2|memuji|ngaku|ngirimin|ngirim|ngasih|nawarin|janjiin)\b|"
    # asked about, or told on with the subject left out: "did he say your
    # parents wouldn't understand", "terus dia ngajak pindah ke tele"
    r"\b(?:did|didnt)\s+(?:he|she|they|someone|that guy|the guy)\s+(?:say|ask|tell|offer)\b|"
    r"\b(?:terus|trus|trs|lalu|abis itu|habis itu)\s+dia\s+(?:ngajak|minta|nyuruh|bilang|"
    r"nanya)\b|"
    r"\b(?:er|jemand|der typ|der mann|einer)\s+(?:\S+\s+){0,2}?(?:wollte|fragte|sagte|meinte|"
    r"sagt|meint|fragt|schreibt|hat\s+(?:\S+\s+)?(?:gefragt|gesagt|geschrieben))\b|"
    # a parent's wish to meet other people, told: "minha mãe disse que quer
    # conhecer o pessoal", "my mom wants to meet the other parents" (not "my
    # mom wants to meet you", nor anything else a parent says)
    r"\b(?:my|minha|meu|mi|mis|mein|meine)\s+(?:mom|mum|mother|dad|father|parents|mae|pai|pais|"
    r"mama|papa|madre|padre|padres|mutter|vater|eltern|mami|mutti)\s+(?:\S+\s+){0,3}?"
    r"(?:wants|wanted|quer|queria|quiere|quieren|will|wollte|mochte)\s+(?:to\s+)?(?:meet|"
    r"conhecer|conocer|treffen|kennenlernen)\b(?!(?:\s+\S+){0,4}?\s+(?:you|u|ur|your|we|us|te|"
    r"vc|voce|a gente|nos|dich|dir|wir|uns)\b)|"
    r"\b(?:nyokap|bokap|mama|papa|ibu|ayah|mamah|papah)\s*(?:gw|gue|gua|aku|ku|saya)?\s+"
    r"(?:mau|pengen|ingin)\s+(?:ketemu|kenalan)\b(?!(?:\s+\S+){0,4}?\s+(?:kamu|lu|lo|elo|km|"
    r"kita)\b)|"
    # the verb first, as German puts it after a time: "gestern meinte er"
    # (not the question "hat er dir gesagt...?", beside which a request is
    # still made)
    r"\b(?:meinte|sagte|fragte|wollte|schrieb)\s+(?:er|jemand|der typ|einer)\b|"
    # "there are people who ask": "hay tipos que te piden fotos", "tem uns
    # caras que pedem foto", "es gibt Typen, die nach Fotos fragen"
    r"\bhay\s+(?:\S+\s+)?(?:tipos|tios|viejos|hombres|personas|gente|manes|senores|adultos|"
    r"pervertidos|acosadores)\s+que\s+(?:te\s+|les\s+)?(?:piden|quieren|dicen)\b|"
    r"\b(?:tem|existem)\s+(?:\S+\s+)?(?:caras|homens|pessoas|gente|velhos|adultos|tarados|"
    r"tiozoes)\s+que\s+(?:te\s+)?(?:pedem|querem|dizem)\b|"
    r"\bes\s+gibt\s+(?:\S+\s+)?(?:typen|leute|manner|menschen|erwachsene|perverse)\s+(?:die|"
    r"welche)\s+(?:\S+\s+){0,4}?(?:fragen|wollen|verlangen)\b|"
    # "bei meiner freundin hat so einer danach nacktbilder verlangt"
    r"\bhat\s+(?:so\s+)?(?:einer|jemand|ein typ|so ein typ)\s+(?:\S+\s+){0,3}?"
    r"(?:verlangt|gewollt)\b"
)
# A story told about a stranger: "yesterday some guy on IG ... asked for a
# photo", "ontem um cara ... pediu foto", "kemarin ada om-om ... minta foto".
# With a time in the past, the request in it was made to the teller, not to
# the partner.
STRANGER_STORY = re.compile(
    r"\b(?:a guy|some guy|this guy|a man|some man|an old guy|a creep|someone|somebody|om om|om2|"
    r"omom|bapak bapak|cowok|cowo|orang asing|ada yg|ada yang|ada orang|seseorang|laki laki|"
    r"lelaki|pria|un tipo|"
    r"un senor|un viejo|un man|alguien|una persona|um cara|um homem|um velho|um tiozao|alguem|"
    r"uma pessoa|ein typ|einer|ein mann|ein alter|jemand)\b(?:\s+\S+){0,10}?\s+"
    r"(?:asked|wanted|kept asking|was asking|told me|said|offered|claimed|ngaku|minta|ngajak|"
    r"nyuruh|nanya|"
    r"nawarin|menawarkan|ofrecio|me ofrecio|ofereceu|angeboten|pidio|"
    r"pedia|queria|me dijo|pediu|pedia|falou|disse|wollte|fragte|meinte|hat gefragt|gefragt|"
    r"tanya|nanya|"
    # what they wrote or claimed: "un viejo q decía tener 15", "a guy messaged me"
    r"decia|dijo que|escribio|me escribio|messaged me|dmed me|texted me|wrote|wrote me|"
    r"escreveu|dizia|schrieb|hat mir geschrieben|geschrieben|behauptete)\b|"
    # a stranger as the subject after the verb: "me habló un viejo",
    # "me escribió un señor", "mandou mensagem um cara"
    # a stranger who was a "boy": "me salió un chico de 16 q preguntaba"
    r"\b(?:un chico|un pibe|un wey|un chavo|un hombre|um garoto|um moleque|ein junge|ein kerl|"
    r"a dude|some dude|this dude)\b(?:\s+\S+){0,10}?\s+(?:preguntaba|pregunto|me pregunto|"
    r"pedia|pidio|queria|decia|dijo|perguntou|perguntava|pediu|fragte|wollte|meinte|asked|"
    r"wanted|kept asking)\b|"
    r"\bme (?:hablo|escribio|hablaron|escribieron|agrego|mando mensaje|chamou|mandou mensagem|"
    r"adicionou) (?:un|una|um|uma) (?:viejo|senor|tipo|man|chico|hombre|cara|homem|velho|"
    r"tiozao|pessoa|persona)\b|"
    # or no subject at all: "... then he asked me for", "luego me pidió", "dps me pediu"
    r"\b(?:(?:he|she|they) (?:asked|wanted|told) me|me (?:pidio|pedia|pidieron|dijo|pediu|pedia|"
    r"pediram|falou|disse)|hat mich (?:gefragt|angeschrieben)|wollte (?:er|sie) (?:dass ich|"
    r"bilder|fotos)|(?:dia|doi) (?:minta|nyuruh|ngajak) (?:aku|gue|gw)|"
    # "ele pediu pra eu mandar", "él quería que yo", "er wollte, dass ich"
    r"(?:ele|ela) (?:pediu|pedia|queria|mandou) (?:pra|para|que) eu|(?:el|ella) (?:pidio|"
    r"queria|pedia) que (?:yo|le)|(?:er|sie) wollte dass ich)\b"
)
PAST_TIME = re.compile(
    r"\b(?:yesterday|last (?:week|night|month|year)|once|the other day|kemarin|kemaren|tadi|"
    r"minggu lalu|dulu|pernah|ayer|anoche|la semana pasada|una vez|el otro dia|ontem|"
    r"semana passada|uma vez|outro dia|gestern|letzte woche|neulich|mal|"
    # just now: "recién me habló", "barusan", "vorhin", "agora há pouco"
    r"recien|hace rato|hace un rato|just now|earlier today|barusan|td|vorhin|eben|heute|"
    r"agora ha pouco|agorinha|hoje cedo)\b"
)
# The words of online safety: reporting, blocking, warning signs.
SAFETY_TALK = re.compile(
    r"\b(?:report\w*|block\w*|red flags?|warning signs?|creep\w*|catfish\w*|groom\w*|"
    r"predators?|police|cops|online safety|safety|scam\w*|lapor\w*|blokir|polisi|"
    r"bahaya|waspada|hati hati|denunci\w*|bloque\w*|reportar\w*|policia|peligro\w*|"
    r"cuidado|seguranca|seguridad|perigo\w*|bandeira vermelha|melde\w*|gemeldet|"
    r"blockier\w*|anzeige\w*|angezeigt|polizei|vorsicht|gefahr\w*|warnsignal\w*|"
    # who does it, named: "si alguien pide fotos ... es un viejo seguro"
    r"viejos?|viejo verde|pervertid\w*|pervert\w*|pedofil\w*|pedo|velhos?|tarados?|om om|"
    r"perverse?r?|alte manner|alter mann)\b"
)
# Advice not to give, send or share: "never give your address", "jangan
# kasih nomor", "nunca mandes fotos", "nie deine adresse geben".
ADVICE_NOT_TO = re.compile(
    r"\b(?:never|dont|don't|do not|shouldnt|should not|jangan|gak boleh|ga boleh|nunca|"
    r"no\s+(?:des|mandes|envies|compartas)|nao\s+(?:de|mande|envie|passe|compartilhe)|"
    r"nie|niemals)\s+(?:\w+\s+){0,2}?(?:give|send|share|post|kasih(?!\s+(?:tau|tahu))|kirim|"
    r"ngasih|share|dar|des|mandar|mandes|enviar|envies|passar|passe|compartir|"
    r"compartilhar|geben|schicken|teilen|verraten|adresse|nummer|fotos?|bilder)\b"
)
