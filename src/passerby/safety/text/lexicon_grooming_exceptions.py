"""What makes a step of grooming's ordinary, read once the step matched.

A meeting in a group or with a parent along, a secret of one's own
confided, a secret kept with nobody: the exceptions the detectors read
after a row of :mod:`.lexicon_grooming` or :mod:`.lexicon_grooming_en`
matched. Pattern *sources* only, under the same rules as :mod:`.lexicon`;
compiled by :class:`.patterns.Patterns`.
"""

from __future__ import annotations

from typing import Final

# A meeting in a group or with a parent along ("we should all meet up at the
# food court", "bora se encontrar lá, vou c minha prima e a mãe dela"): peers'
# plans, not a stranger's.
MEET_IN_GROUP: Final = (
    r"\b(?:we should all|lets all|let s all|all of us|we all|everyone|everybody|"
    r"the whole (?:group|class|squad)|my friends|my friend group|my squad|the squad|"
    r"the girls|the boys|bring (?:your|ur) (?:friends|mom|mum|dad|sister|brother)|"
    r"with (?:my|our|your|ur) (?:friends|mom|mum|dad|parents|family|sister|brother|cousin|"
    r"cousins)|todos juntos|todas juntas|vamos todas|vamos todos|con (?:mis|tus|nuestros|"
    r"nuestras) (?:amigos|amigas|papas|padres|primos|primas)|con mi (?:mama|papa|prima|"
    r"primo|hermana|hermano)|(?:com|c) (?:minhas|meus|tuas|teus|as|os) (?:amigas|amigos|"
    r"primas|primos)|(?:com|c) (?:minha|a minha) (?:prima|mae|irma|amiga|familia)|"
    r"a mae dela|a mae dele|a galera|todo mundo|sama (?:temen2|temen|teman2|teman|anak2|"
    r"ortu|mama|papa|kakak|adek)|rame2|rame rame|ramean|bareng2|bareng temen\w*|"
    r"mit (?:meinen|deinen|unseren) (?:freunden|freundinnen|eltern)|mit (?:meiner|"
    r"deiner) (?:mutter|mama|schwester|clique)|alle zusammen|mit der (?:clique|klasse|"
    r"gruppe)|(?:mis|meus|minhas|meine) (?:amigos|amigas|freunde|freundinnen) (?:y yo|e eu|"
    r"und ich))\b"
)
# A secret announced as the speaker's own ("te cuento algo pero no le digas a
# nadie", "can i tell u something?").
CONFIDE_TOLD: Final = (
    r"\b(?:te cuento|te voy a contar|te quiero contar|tengo que contarte|te digo algo|"
    r"can i tell (?:you|u)|let me tell (?:you|u)|i have to tell (?:you|u)|i need to tell "
    r"(?:you|u)|i ll tell (?:you|u)|ill tell (?:you|u)|posso (?:te )?contar|vou te contar|"
    r"preciso te contar|contar te uma|te conto|mau cerita|mo cerita|mau curhat|aku cerita|"
    r"gue cerita|gw cerita|ich erzahl dir|kann ich dir was erzahlen|ich muss dir was "
    r"erzahlen)\b"
)
# ...or told first and sealed after, with nobody named ("i still sleep with
# the light on. dont tell anyone", "gue masih takut badut. jangan bilang
# siapa2 ya"): the message's end...
TELL_NOBODY_END: Final = (
    r"\b(?:dont|don t|do not|never|no|nao|nem|jangan|sag|sags|erzahl|erzaehl|verrat)\s+"
    r"(?:\w+\s+){0,4}?(?:anyone|anybody|nobody|no one|nadie|ninguem|siapa2|siapa siapa|"
    r"siapapun|siapa pun|keinem|niemandem|niemand|keiner)(?:\s+(?:ok|okay|pls|please|plis|"
    r"pliss|ya|yah|yaa|porfa|bitte|ne|eh|ha(?:ha)+|ja(?:ja)+|je(?:je)+|k{2,}|wk(?:wk)+|lol|lmao|"
    r"pfv|tb|tbm|vale|oke|rs+))*\s*$"
)
# ...after the speaker's own words (a first-person word, nothing said of
# the partner, of "us", of a meeting or a picture).
OWN_WORDS: Final = (
    r"\b(?:i|im|ive|id|i m|my|yo|mi|mis|eu|meu|minha|aku|gue|gw|gua|saya|ich|mein|meine)\b"
)
NOT_OWN: Final = (
    r"\b(?:meet|meeting|pic|pics|photo|photos|foto|fotos|video|videos|call|send|sent|address|"
    r"ketemu|ketemuan|treffen|quedar|quedamos|vernos|encontrar|encontro|kirim|schick|manda|"
    r"mandar|enviar|gift|regalo|presente|hadiah|geschenk|older|younger|girls|boys|come over|"
    r"wait|waiting|snap|number|phone|numero|nomor|nummer|handle|tonight|alone|sendiri|solo|"
    r"allein|sozinh[oa]|really|actually|real|age|old|edad|idade|umur|alter|mayor|adult|adulto|"
    r"adulta|erwachsen|dewasa|married|verheiratet|casado|casada|menikah|nikah|wife|husband|"
    r"esposa|marido|istri|suami|years|anos|jahre|tahun)\b"
)
# A secret kept from "anyone" and nothing more ("pls dont tell anyone lol",
# "keep it secret ok", "aber erzähl es niemandem"): what a teen says of a
# crush or a surprise party as often as a stranger of the chat. Read with
# NOT_OWN and PARENTS_OR_US: what the secret is about is not said.
KEPT_FROM_ANYONE: Final = (
    r"\b(?:dont|don t|do not|never|no|nao|nem|jangan|jgn|sag|sags|erzahl|erzahls|erzaehl|"
    r"verrat)\s+(?:\w+\s+){0,4}?(?:anyone|anybody|nobody|no one|nadie|ninguem|siapa2|"
    r"siapa siapa|siapapun|siapa pun|keinem|niemandem|niemand|keiner)\b|"
    r"\bkeep\s+(?:it|this|that)\s+(?:a\s+)?(?:secret|quiet)\b"
)
# ...nor the speaker's being here or who they are, a camera, a gift, school,
# "our secret", "us" in a verb, a number, or the partner's friends and family ("no le digas
# a nadie q ando aquí", "erzähl niemandem von mir, das ist unser ding").
KEPT_HERE: Final = (
    r"\b(?:ando|estoy|estou|to|tou|im|i m|i am|bin|aku|gue|gw|saya)\s+(?:\w+\s+)?(?:aqui|aca|"
    r"here|hier|disini|di sini)\b|\b(?:about me|de mim|von mir|soal (?:aku|gue|gw)|"
    r"tentang (?:aku|gue|gw|saya)|who i am|quien soy|quem eu sou|wer ich bin|cam|camera|kamera|"
    r"webcam|secreto|secretito|segredo|segredinho|geheimnis|rahasia|our thing|unser ding|"
    r"beliin|beliian|schenk|schenke|school|escuela|colegio|escola|schule|sekolah|fotografia|"
    r"fotografias|mandame|mandes|mandas|envia|enviame|envie|figura)\b|"
    # "de mí" (about me), not "de mi hermano" (my brother's)
    r"\bde mi(?=\s*$|\s+(?:a|ni|y|o|pero|porque|que|ok|vale|eh|please|porfa|jaja\w*)\b)|"
    # the partner's friends and family ("tus amigas seguro son chismosas",
    # "temen kamu juga jangan", "auch nicht deinem bruder")
    r"\b(?:your|ur|tus|tu|teus|tuas|teu|tua|seus|suas|deine|deinen|deinem|deiner)\s+"
    r"(?:friends?|amig[oa]s?|freunde?|freundinnen|freundin|sister|brother|hermanos?|hermanas?|"
    r"irmaos?|irmas?|bruder|schwester|family|familia|familie)\b|"
    r"\b(?:teman|temen|temen2|teman2|kakak|adik|adek)\s*(?:kamu|km|lo|lu|mu)\b|"
    # "us" as a verb's ending ("quieren separarnos", "vernos"), a number
    r"\b\w+[aei]r(?:nos|nus)\b|\d\d|\d\s+\d"
)
# A secret that is a surprise for someone else ("keep this between us, its a
# surprise for jess", "no le digas nada, es una sorpresa para mi mamá"); not
# one for the partner ("a surprise for you"), read with PARTNERS_PARENTS.
_SURPRISE = r"\b(?:surprise|surprize|sorpresa|surpresa|kejutan|uberraschung|ueberraschung)\s+"
SURPRISE_FOR_ANOTHER: Final = (
    _SURPRISE
    + r"(?:\w+\s+)?(?:for|para|pra|pro|buat|untuk|fur)\s+(?!(?:you|u|ya|ti|vos|usted|voce|vc|"
    r"te|tu|kamu|km|lo|lu|dich|dir|us|our|later|tonight|tomorrow|when|after|nos|nosotros|"
    r"nuestro|nuestra|luego|manana|despues|depois|amanha|a gente|nossa|nosso|kita|nanti|"
    r"besok|uns|unser|unsere|morgen|nachher|spater|heute)\b)\w+|"
    + _SURPRISE
    + r"(?:party|fiesta|festa|pesta|parti)\b"
)
# ...unless what follows names the partner's parents or "us".
PARENTS_OR_US: Final = (
    r"\b(?:parents|mom|mum|dad|folks|padres|papas|papa|mama|viejos|vieja|pais|mae|pai|"
    r"ortu|orang tua|mamah|papah|nyokap|bokap|eltern|mutter|vater|us|we|nos|nosotros|"
    r"hablamos|a gente|kita|uns|wir|together|juntos|falamos|conversamos|chat|chats|"
    r"conversa|conversas)\b"
)
# A secret kept from the partner's own parents is never one's own.
PARTNERS_PARENTS: Final = (
    r"\b(?:your|ur|tus|tu|teus|tua|os teus|a tua|seus|sua|os seus|deine|deinen|deiner)\s+"
    r"(?:parents|mom|mum|dad|folks|padres|papas|viejos|vieja|mama|papa|mami|pais|mae|pai|"
    r"eltern|mutter|vater)\b|\b(?:mama|mamah|papa|papah|ortu|orang tua|nyokap|bokap|ibu|"
    r"ayah)\s*(?:kamu|km|mu|lo|lu)\b|\b(?:ortumu|mamamu|papamu|ibumu|ayahmu)\b"
)
