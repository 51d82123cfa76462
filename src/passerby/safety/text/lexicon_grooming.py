"""Grooming's steps in Spanish, Indonesian, Portuguese and German (and the
few English forms that read best beside them): secrecy, isolation,
flattery, pictures and video calls, meeting, gifts, age questions, moves to
another app.

Pattern *sources* only, written for the ``words`` form of a message, under
the same rules as :mod:`.lexicon` (linear sources, vocabulary only, no
logic or state); compiled by :class:`.patterns.Patterns`, which appends
these rows to its English tables.
"""

from __future__ import annotations

from typing import Final

from passerby.safety.text.lexicon_grooming_en import ASK_WHERE

# -- grooming steps in Spanish, Indonesian, Portuguese and German -----------------
#
# Rows appended to the English tables of patterns/: (source, score, detail).

_PARENTS = (
    r"(?:padres|papas|papa|mama|familia|amigos|amigas|ortu|orang tua|orangtua|ortumu|"
    r"mama kamu|papa kamu|keluarga|teman|pais|mae|pai|familia|amigos|eltern|mutter|mama|"
    r"nenek|kakek|mamak|mamah|papah|nyokap|bokap|ayah|ibu|bunda|ayahmu|ibumu|"
    r"vater|papa|familie|freunde|freundinnen|"
    # the partner's siblings: "jgn bilang kakakmu", "no le digas a tu hermana"
    r"kakakmu|adikmu|abangmu|kakak kamu|adik kamu|abang kamu|tu hermano|tu hermana|tus hermanos|"
    r"teu irmao|tua irma|seu irmao|sua irma|deinem bruder|deiner schwester|deinen geschwistern)"
)
SECRECY: Final = (
    (
        r"\b(?:no|nao|n|nn|jangan|jgn|jngn|ga usah|gak usah|gausah|nicht|nich)\s+"
        r"(?:(?:le|lo|se lo|les|"
        r"conta|fala|diga|digas|cuentes|bilang|kasih tau|kasi tau|cerita|sag|sags|erzahl|erzahls|"
        r"verrat)\s+){1,2}(?:(?:nada|nichts|es|das|ke|sama|a|pra|pro|pros|pras|para|"
        r"deinen|deiner|tus|tu|seus|suas|seu|sua)\s+){0,3}(?:nadie|ninguem|ninguen|"
        r"siapa siapa|siapapun|siapa pun|niemandem|keinem|" + _PARENTS + r")\b|"
        r"\b(?:sag|sags|erzahl|erzahls|verrat|zeig|zeigs)\s+(?:es|das)?\s*(?:niemandem|niemerem|"
        r"keinem|deinen "
        r"eltern nichts|deiner mutter nichts)\b",
        0.85,
        "kind=tell",
    ),
    (
        r"\b(?:nuestro|nuestra|nosso|nossa|unser|unseres|rahasia)\s+(?:(?:pequeno|pequena|"
        r"kleines|pequenho|little)\s+)?(?:secreto|secretito|segredo|segredinho|geheimnis|"
        r"kita)\b|\bini rahasia\b|\bes un secreto\b|\be segredo\b",
        0.8,
        "kind=secret",
    ),
    (
        r"\b(?:entre|antara)\s+(?:nosotros|tu y yo|usted y yo|vos y yo|a gente|nos|nos dois|"
        r"voce e eu|vc e eu|"
        r"kita|kamu dan aku|aku dan kamu)\b(?:\s+(?:aja|saja|ya))?|\b(?:mejor|mas vale|melhor|"
        r"e melhor)\s+que\s+(?:(?:ellos|ellas|tus papas|tus padres|tus viejos|eles|elas|seus pais|"
        r"teus pais)\s+)?no\s+(?:sepan|saibam)\s+(?:de mi|de nosotros|nada|de mim|de nos)\b|"
        r"\b(?:bleibt|bleibts|"
        r"bleibt das|das bleibt)\s+(?:unter|zwischen)\s+uns\b|\bunter uns\b",
        0.85,
        "kind=between",
    ),
    (
        # "without your parents noticing": "ohne dass deine Eltern was merken",
        # "sin que se enteren tus papás", "sem seus pais saberem"
        r"\bohne\s+dass\s+(?:deine|dein|die)\s+(?:eltern|mama|mutter|papa|vater|alten)\s+"
        r"(?:\S+\s+){0,2}?(?:merken|merkt|mitkriegen|mitbekommen|wissen|erfahren)\b|"
        r"\bsin\s+que\s+(?:se\s+)?(?:enteren|sepan|den cuenta)\s+(?:tus|tu)\s+(?:viejos|papas|"
        r"padres|vieja|viejo|mama|papa)\b|\bsin\s+que\s+(?:tus|tu)\s+(?:viejos|papas|padres|"
        r"mama|papa)\s+(?:se\s+)?(?:enteren|sepan|den cuenta)\b|\bsem\s+(?:seus|teus|os seus|"
        r"os teus|sua|tua)\s+(?:pais|mae|pai|familia)\s+(?:saberem|perceberem|souber)\b|"
        # "sin que se entere nadie", "sem ninguém saber", "ohne dass es jemand
        # merkt", "tanpa ada yang tau"
        r"\bsin\s+que\s+(?:se\s+)?(?:entere|enteren|sepa|sepan)\s+nadie\b|\bsin\s+que\s+"
        r"nadie\s+(?:se\s+)?(?:entere|sepa|se de cuenta)\b|\bsem\s+(?:que\s+)?ninguem\s+"
        r"(?:saber|saiba|perceber|perceba|ver|veja)\b|\bohne\s+dass\s+(?:es\s+|das\s+)?"
        r"(?:jemand|wer|irgendwer|irgendjemand|einer)\s+(?:\S+\s+)?(?:merkt|weiss|mitkriegt|"
        r"mitbekommt|erfahrt)\b|\btanpa\s+(?:ada\s+)?(?:yang|yg|orang)\s+(?:\S+\s+)?(?:tau|"
        r"tahu)\b",
        0.85,
        "kind=hide",
    ),
    (
        r"\b(?:borra|borrá|borremos|y borramos|e apagamos|apaga|apague|apagues|apaguemos|"
        r"loesch|losch|losche|loesche|loschen|hapus|hapusin|kita hapus)\s+"
        r"(?:(?:el|este|esta|los|las|nuestro|nuestros|a|o|essa|esse|essas|as|os|nossa|nossas|"
        r"nosso|nossos|den|die|das|diesen|unseren|unsere|chat|semua|ini|aja)\s+){0,2}(?:chat|"
        r"chats|mensajes|conversacion|conversaciones|conversa|conversas|mensagens|nachrichten|"
        r"verlauf|pesan|percakapan|fotos|chatnya|historial)\b(?!\s+(?:com|con|with|mit|sama|"
        r"dengan|dgn|de|do|da|del|vom|der)\b)",
        0.9,
        "kind=delete",
    ),
    (
        r"\b(?:borra|borralo|borrala|apaga|apague|hapus|hapusin|losch|losche|loesch|loesche)\s+"
        r"(?:esto|eso|isso|isto|ini|itu|das|es|lo|la|o|a)\s+(?:\S+\s+)?(?:despues|dsps|luego|"
        r"depois|dps|logo|nanti|ntar|abis ini|abis itu|habis itu|setelah\w*|danach|nachher|"
        r"gleich)\b|"
        # "borra todo esto", "apaga tudo isso", "hapus semua ini"
        r"\b(?:borra|borra|borralo|borren|apaga|apague|hapus|hapusin)\s+(?:todo|tudo|semua)\s+"
        r"(?:esto|eso|isso|isto|ini|itu)\b|"
        # "y este chat bórralo", "den Chat hier löschen", "chat ini hapus ya"
        r"\b(?:este|el|nuestro|esse|este|o|nosso|den|diesen|unseren)\s+(?:chat|chats|verlauf)\s+"
        r"(?:hier\s+|aqui\s+)?(?:\S+\s+)?(?:borralo|borrala|lo borras|borras|borrar|apaga|"
        r"apague|apagar|loschen|losch|losche|loeschen|loesch)\b",
        0.85,
        "kind=delete",
    ),
    (
        # "Nobody has to find out", in its word orders.
        r"\b(?:nadie|ninguem|niemand|keiner|(?:ga|gak|nggak|ngga|tidak|ndak)\s+ada\s+(?:yang|yg)|"
        r"gaada (?:yang|yg)|gada (?:yang|yg))\s+(?:(?:se\s+)?(?:tiene por que|tiene porque|"
        r"tiene que|"
        r"tem de|tem que|precisa de|precisa|necesita|va a|vai|perlu|harus|boleh|bakal|akan|"
        r"muss|braucht|darf|wird)\s+(?:zu\s+|es\s+|das\s+)?)(?:saber\w*|enterar\w*|tau|tahu|wissen|"
        r"erfahren)\b|\bnadie se (?:entera|enterara)\b|\b(?:muss|braucht|darf|soll)\s+"
        r"(?:(?:ja|doch|auch|echt|das|es|aber|halt|eh|ja)\s+){0,3}(?:keiner|niemand)\s+(?:zu\s+)?"
        r"(?:wissen|erfahren)\b",
        0.9,
        "kind=nobody",
    ),
    (
        # not said of someone else: "ele deve achar que está sozinho nisto"
        # not comfort ("no estás solo", "você não está sozinha"), nor the
        # Indonesian "kamu sendiri gimana?" (and you?): alone is "sendirian"
        r"\b(?<!\bele )(?<!\bela )(?<!\bel )(?<!\bella )(?<!\bque )(?<!\bno )(?<!\bnao )"
        r"(?<!\bnunca )(?<!\bnicht )"
        r"(?:estas|estas sola|stas|ta|tas|esta|voce ta|vc ta|voce esta|vc esta|bist du|"
        r"kamu|km|lagi)\s+(?:(?:grad|gerade|jetzt|eigentlich|ahora|agora|sekarang|lagi)\s+)?"
        r"(?:sol[oa]|sozinh[oa]|allein|alleine|sendirian|"
        r"sendiri(?=\s+(?:aja|doang|di rumah|dirumah|"
        r"di kamar|dikamar)\b|\s*\?*\s*$))\b(?!\s+(?:en esto|nisso|nisto|damit|dengan ini|"
        r"con esto|in this))(?:\s+(?:en casa|"
        r"em casa|zu hause|zuhause|di rumah))?|\b(?:cuando|quando|wann)\s+(?:estas|"
        r"ficas|fica|voce fica|vc fica|bist du)\s+(?:sol[oa]|sozinh[oa]|allein|alleine)\b",
        0.85,
        "kind=alone",
    ),
    (
        r"\b(?:tus|seus|deine|ortu|orang tua)\s+(?:padres|papas|pais|eltern|kamu|mu)?\s*"
        r"(?:no|nao|nicht|ga|gak|nggak|tidak)\s+(?:lo\s+|te\s+|vao\s+|werden\s+|bakal\s+|"
        r"akan\s+)?(?:entenderian|entenderan|entienden|entenderiam|entendem|entender|"
        r"verstehen|ngerti|mengerti|paham)\b"
        r"|\b(?:deine|ihre)\s+(?:eltern|mutter|mama|freunde)\s+(?:wurden|werden|wuerden)\s+"
        r"(?:das|es|uns|dich)?\s*(?:nicht|nie)\s+verstehen\b",
        0.85,
        "kind=isolate",
    ),
    (
        # The child's parents "don't need to know": "tus papás no tienen por qué
        # saberlo", "os teus pais não precisam de saber", "ortu kamu ga perlu tau".
        r"\b(?:your|ur)\s+(?:parents|mom|mum|dad|mother|father|folks|family)\s+(?:dont|don t|"
        r"do not|doesnt|doesn t|does not)\s+(?:need|have)\s+to\s+know\b|"
        r"\b(?:tus|tu|teus|tua|os teus|a tua|seus|sua|os seus|a sua|deine|dein)\s+(?:padres|"
        r"papas|viejos|vieja|mama|papa|pais|mae|pai|eltern|mutter|vater)\s+(?:no|nao|nicht)\s+"
        r"(?:tienen|tiene|necesitan|necesita|precisam|precisa|tem|tem de|muessen|mussen|muss|"
        r"brauchen|braucht)\s+(?:(?:por que|porque|que|de|das|es|zu)\s+)?(?:saber\w*|"
        r"enterar\w*|wissen)\b|"
        r"\b(?:ortu|orang tua|mama|papa|mamah|papah|nyokap|bokap|ibu|ayah)\s*(?:kamu|km|mu|lo|"
        r"lu)?\s+(?:ga|gak|nggak|ngga|tidak|gk)\s+(?:perlu|usah|harus)\s+(?:tau|tahu)\b",
        0.85,
        "kind=nobody",
    ),
    (
        # "chat kita jangan dikasih tau ya": the chat named, then "don't tell".
        r"\b(?:chat kita|chat iki|chat ini|obrolan kita|ngobrol kita|soal kita|tentang kita|"
        r"hubungan kita)\s+(?:\S+\s+){0,2}?(?:jangan|jgn|ga usah|gak usah|gausah|ojok|ojo)\s+"
        r"(?:dikasih tau|dikasih tahu|dikasi tau|dibilang\w*|dicerita\w*|bilang\w*|cerita\w*|"
        r"kasih tau|disebar\w*|dicritakno|dicritani|crita\w*)\b|"
        r"\b(?:chat|chatnya|obrolan|pesan)\s+(?:kita\s+)?(?:di)?hapus\b",
        0.85,
        "kind=tell",
    ),
    (
        # A cover story taught: "sag einfach, du bist bei nem Kumpel", "dile a tu
        # mamá que estás con una amiga", "bilang aja lagi main ke rumah temen".
        r"\b(?:just\s+)?(?:tell|say to)\s+(?:them|her|him|your (?:mom|mum|dad|parents|folks)|ur "
        r"(?:mom|mum|dad|parents))\s+(?:that\s+)?(?:you re|youre|ur|u r|you are|u are)\s+"
        r"(?:(?:studying|doing homework|revising|sleeping over|hanging out|working)\s+)?"
        r"(?:at|with|going to|staying at|sleeping at)\s+(?:a|your|ur)\s+(?:friend|friends|mate|"
        r"mates|bestie)\b|"
        r"\b(?:diles|dile|decile|decile a|deciles|di|dices)\s+(?:\S+\s+){0,3}?que\s+(?:estas|vas a "
        r"estar|te quedas|vas|te vas)\s+(?:\S+\s+)?(?:con|en casa de|donde|a casa de)\s+(?:una|un|"
        r"tu|una compa|tus)\s+(?:amiga|amigo|amigas|amigos|compa|companera)\b|"
        r"\b(?:diz|diga|dizes|fala|fale)\s+(?:\S+\s+){0,3}?que\s+(?:estas|esta|vai estar|tas|ta|"
        r"vais|vai)\s+(?:\S+\s+)?(?:com|em casa de|na casa de|na casa da|na casa do|pra casa da|"
        r"pra casa de)\s+(?:uma|um|tua|sua)?\s*(?:amiga|amigo|colega)\b|"
        r"\bsag\s+(?:\S+\s+){0,3}?du\s+(?:bist|warst|gehst|schlafst|pennst|lernst|ubernachtest|"
        r"bleibst)\s+(?:\S+\s+)?(?:bei|zu)"
        r"\s+(?:nem|einem|einer|deiner|deinem|ner|nem)\s+(?:kumpel|freundin|freund|kumpels|"
        r"freunden)\b|"
        r"\bbilang\s+(?:\S+\s+){0,4}?(?:lagi|mau)\s+(?:main|nginep|belajar|kerja kelompok)\s+"
        r"(?:\S+\s+){0,2}?(?:temen|teman|tmn)\b",
        0.85,
        "kind=cover",
    ),
    (
        # Who the adult is made out to be, or how a gift came: "si te pregunta
        # decile que soy una amiga del colegio", "tell them i'm a friend from
        # school", "sag einfach, du hättest es gewonnen", "bilang aja aku temen".
        r"\b(?:tell|say to)\s+(?:them|her|him|(?:your|ur)\s+(?:mom|mum|dad|parents|folks))\s+"
        r"(?:that\s+)?(?:i m|im|i am)\s+(?:a|your|ur|just a)\s+(?:friend|classmate|cousin|"
        r"teammate)\b|\b(?:tell|say to)\s+(?:them|her|him|(?:your|ur)\s+(?:mom|mum|dad|parents))\s+"
        r"(?:that\s+)?(?:you|u)\s+(?:won|found)\s+(?:it|them)\b|"
        r"\b(?:dile|decile|diles|deciles|dices)\s+(?:\S+\s+){0,2}?que\s+soy\s+(?:una?|tu|"
        r"solo una?)\s+(?:amig[oa]|compa\w*|prim[oa])\b|\b(?:dile|decile|diles|deciles|dices)\s+"
        r"(?:\S+\s+){0,2}?que\s+(?:te\s+lo\s+|te\s+la\s+)?(?:ganaste|encontraste)\b|"
        r"\b(?:diz|diga|dizes|fala|fale)\s+(?:\S+\s+){0,2}?que\s+(?:eu\s+)?sou\s+(?:uma?|sua|"
        r"seu|tua|teu)\s+(?:amig[oa]|colega|prim[oa])\b|\b(?:diz|diga|dizes|fala|fale)\s+"
        r"(?:\S+\s+){0,2}?que\s+(?:voce\s+|vc\s+|tu\s+)?(?:ganhou|ganhaste|achou)\b|"
        r"\bsag\w*\s+(?:\S+\s+){0,3}?ich\s+(?:bin|war|sei|ware|waere)\s+(?:ne|eine?|dein[e]?)\s+"
        r"(?:freundin|freund|kumpel|klassenkamerad\w*|cousin\w*)\b|\bsag\w*\s+(?:\S+\s+){0,3}?"
        r"du\s+(?:hattest|haettest|hast)\s+(?:es|das|ihn|sie)\s+(?:\S+\s+){0,4}?gewonnen\b|"
        r"\bbilang\s+(?:aja\s+|saja\s+)?(?:aku|gue|gw|saya)\s+(?:temen|teman|sepupu|kakak kelas)"
        r"\b|\bbilang\s+(?:aja\s+|saja\s+)?(?:kamu|km|lu|lo)\s+(?:menang|dapet|dapat)\s+"
        r"(?:dari\s+)?(?:undian|giveaway|lomba|kuis)\b|"
        # a false name in the partner's phone: "don't save me under my name",
        # "n salva com meu nome", "speicher mich nicht mit meinem Namen"
        r"\b(?:dont|don t|do not)\s+save\s+(?:me|my\s+(?:number|contact))\s+(?:as|with|under)\s+"
        r"(?:my\s+)?(?:real\s+)?name\b|\bno\s+me\s+(?:guardes|agendes|agregues)\s+con\s+mi\s+"
        r"nombre\b|\b(?:n|nao|nn)\s+(?:me\s+)?salv[ae]\s+(?:com|como)\s+(?:o\s+)?meu\s+nome\b|"
        r"\b(?:speicher|speichere|speicherst)\s+mich\s+(?:\S+\s+)?(?:nicht|nich|net|ned)\s+"
        r"(?:mit|unter)\s+meinem\s+(?:echten\s+)?namen\b|\bjangan\s+(?:save|simpan)\s+"
        r"(?:\S+\s+)?(?:pake|pakai|pk|dengan)\s+nama\s+(?:asli\s+)?(?:aku|gue|gw|saya)\b",
        0.85,
        "kind=cover",
    ),
    (
        # "save me as 'maths tutor'", "ponme como compañera", "salva como
        # trabalho de geo", "nenn mich einfach Nachhilfe": friends do it too,
        # so it counts to the conversation's risk only.
        r"\bsave\s+(?:me|my\s+(?:number|contact))\s+(?:as|under)\b|\b(?:guardame|ponme|"
        r"agendame|registrame)\s+como\b|\b(?:me\s+)?(?:salva|salve|bota|coloca)\s+(?:me\s+)?"
        r"como\b|\b(?:speicher|speichere)\s+mich\s+(?:\S+\s+)?(?:als|unter)\b|\bnenn\s+mich\s+"
        r"(?:einfach|doch|lieber)\b|\b(?:save|simpan)\s+(?:nomor|kontak|nomer)?\s*(?:aku|gue|"
        r"gw|saya)\s+(?:pake|pakai|jadi|sebagai)\b",
        0.5,
        "kind=cover;name",
    ),
    (
        # "Musst du ihnen ja nicht sagen", "you don't have to tell your parents".
        r"\b(?:you|u)\s+(?:dont|don t|do not)\s+(?:have|need)\s+to\s+tell\s+(?:your|ur|them|"
        r"anyone|anybody)\b(?!(?:\s+\S+){0,4}\s+(?:yet|until|unless|right now|if you dont|"
        r"if u dont|when you re ready|when ur ready))|\b(?:musst|brauchst)\s+du\s+"
        # told whom or where: not "welche schule? musst du nicht sagen" (needn't answer)
        r"(?:(?:\S+\s+){1,3}?(?:nicht|nix|nichts)|(?:\S+\s+){0,3}?(?:keinem|niemandem))\s+(?:zu\s+)?(?:sagen|erzahlen|"
        r"verraten)\b|\bno\s+(?:tienes|tenes|"
        r"hace falta)\s+(?:que|por que)\s+(?:decirles|contarles|decirle|contarle)\b(?!(?:\s+\S+)"
        r"{0,4}\s+(?:ahorita|ahora|todavia|aun|si no|hasta que|cuando estes))|"
        r"\bnao\s+(?:precisas|precisa|tens|tem)\s+(?:de\s+|que\s+)?(?:lhes\s+|lhe\s+)?(?:dizer|"
        r"contar)\s+(?:nada\s+)?(?:aos|pros|pras|a|ao|pra|pro)\s+(?:teus|seus|tua|sua)?\s*(?:pais|"
        r"mae|pai)\b",
        0.85,
        "kind=tell",
    ),
    (
        # "Your secret's safe with me": what friends say of a crush too, so it
        # only counts towards the conversation's risk, under every rule.
        r"\b(?:your|ur)\s+secrets?\s+(?:(?:is|are|s)\s+)?(?:safe|good)\s+(?:with|w)\s+me\b|"
        r"\btus?\s+secretos?\s+(?:esta|estan|queda|quedan)\s+(?:a salvo|seguros?)\s+conmigo\b|"
        r"\b(?:o\s+)?(?:teu|seu)\s+segredo\s+(?:esta|ta|fica)\s+(?:seguro|guardado)\s+comigo\b|"
        r"\brahasia\s*(?:mu|kamu|km|lo|lu)?\s+aman\s+(?:sama|ama|dengan|dgn|di)\s+(?:aku|gue|gw|"
        r"saya)\b|\bdein\s+geheimnis\s+ist\s+(?:bei mir\s+)?sicher\b",
        0.5,
        "kind=safe_with_me",
    ),
)
# Co-occurrence forms of secrecy: a "don't tell" and, within a few words,
# the parents, anyone, or this chat ("no les digas a tus viejos", "jangan
# bilang2 ya kita chat", "sag's deinen Eltern nicht", "é melhor não lhes
# falares de mim").
_DONT_TELL = (
    r"(?:(?:dont|don t|do not|never|no need to|best not|better not|better not to|should not|"
    r"shouldnt|would not|wouldnt)\s+(?:tell|mention|say)|no\s+(?:le\s+|les\s+|"
    r"se lo\s+|lo\s+)?(?:digas|cuentes|menciones|comentes|digan)|nem\s+(?:conta|fala|fale|conte|"
    r"diga|digas)\s+(?:nada\s+)?(?:pra|pro|pros|pras|para|ao|aos|as|a)\b|(?:nao|n|nn|melhor nao)\s+"
    r"(?:lhes\s+|lhe\s+|"
    r"le\s+)?(?:conta|contes|fala|fales|falares|diga|digas|menciona|mencione)|(?:jangan|jgn|"
    r"jngn|ga usah|gak usah|gk usah|ngga usah|nggak usah|gausah|ga perlu|gak perlu|ndak usah)\s+"
    r"(?:\w+\s+)?(?:bilang\w*|blg\w*|cerita\w*|kasih tau|kasi tau|kasitau|ngomong|kasih tahu|"
    r"crita\w*|dicritakno|dikasih tau|dikasih tahu|dikasi tau|dibilang\w*|dicerita\w*)|"
    r"ojok dicritakno|"
    r"(?:sag|sags|erzahl|erzahls|verrat|zeig|zeigs)\s+(?:\S+\s+){0,3}?(?:nicht|nich|nix|nichts|"
    r"niemandem|niemerem|keinem))"
)
_WHO_NOT = (
    rf"(?:{_PARENTS}|parents|mom|mum|dad|family|folks|anyone|anybody|nobody|viejos|vieja|viejo|"
    r"jefes|jefa|mami|papi|mae|mainha|coroa|nyokap|bokap|ibu|ayah|nadie|about our chats?|"
    r"about (?:our|this|these) (?:chats|talks|conversations?|convos?|messages)|"
    r"(?:das|de|sobre) (?:nossas|as nossas|esta|essa|estas|nuestras) (?:conversas?|"
    r"conversaciones|charlas|mensagens|mensajes)|"
    r"ninguem|mamah|papah|siapa2|siapa siapa|siapapun|niemandem|niemerem|keinem|about me|"
    r"about us|this chat|we talk|we chat|kita chat|kita ngobrol|chat ini|de mim|de nos|"
    r"sobre mi|sobre nosotros|von mir|von uns|uber uns|ueber uns|de mi|soal (?:gue|gw|aku|saya|"
    r"kita)|tentang (?:aku|gue|gw|saya|kita)|ttg (?:aku|gue|gw|kita))"
)
# Not said "in front of" them: "não fala isso na frente dos pais", "no digas
# eso delante de tus papás", "sag das nicht vor deinen Eltern" is a word
# not to use at home, not a secret kept from them.
_IN_FRONT = r"(?!(?:frente|delante|enfrente|front|depan|vor)\b)"
SECRECY_MORE: Final = (
    rf"\b{_DONT_TELL}\b(?:\s+{_IN_FRONT}\S+){{0,4}}?\s+{_WHO_NOT}\b|\b{_WHO_NOT}\b(?:\s+\S+){{0,4}}?"
    rf"\s+(?:nicht|nich|nix|nichts)\s+(?:sagen|erzahlen|verraten)\b|\b(?:sag|sags)\s+(?:es\s+)?"
    rf"(?:deinen|deiner)\s+(?:eltern|mutter|mama|vater|papa)\s+(?:lieber\s+)?(?:nicht|nich|"
    rf"nix|nichts)\b"
)
# Flattery about maturity, in any word order: a word for "mature" or "older"
# and, close by, "for your age" or the others of the child's age.
_MATURE = (
    r"(?:mature|maturely|maturity|matured|matur|grown up|grown-up|older|madur[oa]|madurez|mayor|"
    r"adulta?|"
    r"mais velh[oa]|maturidade|dewasa|lebih tua|reif|reifer|erwachsen\w*|vernunftig\w*|"
    r"vernuenftig\w*|smarter|listo|lista|inteligente|espabilad[oa])"
)
# A child's age, in digits or words (10 to 17).
_YOUNG_AGE = (
    r"(?:1[0-7]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|diez|once|doce|"
    r"trece|catorce|quince|dieciseis|diecisiete|dez|onze|doze|treze|catorze|quatorze|quinze|"
    r"dezesseis|dezasseis|dezessete|dezassete|zehn|elf|zwolf|dreizehn|vierzehn|funfzehn|"
    r"fuenfzehn|sechzehn|siebzehn|sepuluh|sebelas|dua belas|tiga belas|empat belas|lima belas|"
    r"enam belas|tujuh belas)(?:\s*(?:yr olds?|year olds?|years? old|yo|anos|anos de idade|"
    r"tahun|jahre|jahrigen|jahrige))?"
)
_THAN_PEERS = (
    r"(?:for (?:your|ur) age|para tu edad|para (?:a |)(?:tua|sua) idade|pra sua idade|"
    r"untuk umur\w*|buat umur\w*|seumuran\w*|seusia\w*|sebaya\w*|fur dein alter|fuer dein alter|"
    r"(?:than|que|als|dari|das|dos) (?:the |las |los |os |as |die |yang )?(?:other|others|otras|"
    r"otros|outras|outros|anderen|lain|demas)|other (?:kids|girls|boys)|people your age|"
    r"ppl ur age|kids your age|(?:chicas|chicos|ninas|ninos|nenas|pibes) de tu edad|"
    r"gente de tu edad|(?:meninas|meninos|pessoas) da tua idade|(?:kinder|madchen|leute) "
    r"in deinem alter|anak seumuran\w*|anderen kinder)"
)
# Comparatives of a compliment, and the child's peers they are measured against.
_BETTER = (
    r"(?:prettier|cuter|hotter|better|smarter|cooler|nicer|easier|more fun|more interesting|"
    r"(?:mas|mais|lebih|lbh) (?:linda|lindo|guapa|guapo|bonita|bonito|facil|madura|maduro|"
    r"interesante|interessante|cantik|ganteng|bagus|asik|asyik|enak|dewasa|pintar|seru)|mejor|"
    r"melhor|hubscher|schoner|besser|kluger|reifer|netter|cooler)"
)
# ...anyone of the child's age, grade or school ("than people my age")...
_PEERS_OF = (
    r"(?:girls|boys|chicas|chicos|pibas|pibes|meninas|meninos|madchen|jungs|cewe2|cewek2|cewe|"
    r"cewek|cowo|cowok|people|ppl|kids|guys|others|classmates|gente|companer[oa]s|colegas|"
    r"pessoal|galera|leute|klassenkamerad\w*|mitschuler\w*|temen2|teman2|temen|teman|anak2|anak|"
    r"orang2|yang lain|las|los|as|os|die)(?:\s+\S+){0,3}?\s+(?:age|grade|class|school|year|edad|"
    r"curso|colegio|clase|escuela|idade|sala|turma|escola|serie|alter|klasse|schule|jahrgang|"
    r"umur|kelas|kls|sekolah|seumuran\w*)\b"
)
# ...and looks or maturity measured against the girls or the boys.
_LOOKS = (
    r"(?:prettier|cuter|hotter|more beautiful|more mature|(?:mas|mais|lebih|lbh) (?:linda|lindo|"
    r"guapa|guapo|bonita|bonito|madura|maduro|cantik|ganteng|dewasa)|hubscher|schoner|reifer)"
)
_GIRLS_BOYS = (
    r"(?:girls|boys|chicas|chicos|pibas|pibes|meninas|meninos|madchen|jungs|cewe2|cewek2|cewe|"
    r"cewek|cowo|cowok)\b"
)
# Said to the partner: a word for "you" a few words before the comparative.
_TO_YOU = (
    r"(?:you|u|ur|youre|your|tienes|eres|sos|estas|te|voce|vc|du|dich|dir|dein|deine|bist|hast|"
    r"kamu|km|kmu|lo|lu|anda)"
)
FLATTERY_MORE: Final = (
    rf"\b{_MATURE}\b(?:\s+\S+){{0,5}}?\s+{_THAN_PEERS}\b|\b{_THAN_PEERS}\b(?:\s+\S+){{0,5}}?"
    rf"\s+{_MATURE}\b"
)
# "Do your parents check your phone / know you're here / let you use this
# app?": what a groomer asks, and what peers ask each other about their own
# rules. Weighed under PRESENT: it adds to the risk, never makes a pattern.
MONITORING: Final = (
    r"\b(?:(?:your|ur|tus|tu|teus|tuas|seus|suas|deine|deinen)\s+(?:parents|mom|mum|dad|padres|"
    r"papas|viejos|pais|eltern|mutter|mama|vater|papa)|wong tuamu|ortumu|"
    r"ortu (?:lo|lu|kamu|km|kmu)|orang tua ?(?:kamu|mu))\s+(?:\S+\s+){0,3}?(?:check\w*|look\w*|"
    r"go thru|go through|read|"
    r"know|let you|revisan|revisa|miran|saben|te dejan|checan|olham|veem|sabem|te deixam|"
    r"deixam|mexem|cek|ngecek|periksa|tau|tahu|ngebolehin|kontrollier\w*|schau\w*|lesen|"
    r"wissen|erlauben|lassen dich|asleep|dormidos|dormindo|tidur|schlafen)\b|"
    r"\b(?:schauen|gucken|kontrollieren|lesen|checken|wissen|erlauben)\s+(?:deine|ihre)\s+"
    r"(?:eltern|mutter|vater|mama|papa)\b"
)
FLATTERY: Final = (
    (
        r"\b(?:eres|sos|pareces|voce e|vc e|voce parece|vc parece|tu es|du bist|du wirkst|"
        r"kamu|km|kamu tuh|kamu itu)\s+(?:(?:muy|tan|bien|super|muito|mt|mto|tao|bem|"
        r"so|sehr|echt|wirklich|total|banget|sangat|lebih|mais|mas)\s+){0,2}(?:madur[oa]|"
        r"especial|diferente|dewasa|spesial|istimewa|reif|erwachsen|besonders|"
        r"mayor|mais velh[oa]|alter|alterer|lebih tua|inteligente para)\b",
        0.8,
        "kind=mature",
    ),
    (
        # Any compliment "for your age": "hübsch für dein Alter", "linda pra sua idade".
        r"\b(?:so|really|very|pretty|cute|hot|smart|beautiful|gorgeous|tall|developed|grown|"
        r"linda|lindo|bonita|bonito|guapa|guapo|gostosa|hubsch|schon|suss|cantik|ganteng|"
        r"inteligente|klug)\s+(?:for|para|pra|fur|untuk|buat)\s+(?:your|ur|tu|sua|a sua|dein|"
        r"seu|umur|usia)\s*(?:age|edad|idade|alter|mu|kamu|umurmu)\b",
        0.8,
        "kind=mature",
    ),
    (
        r"\b(?:madur[oa]|reif|dewasa|erwachsen)\s+(?:para|pra|fur|untuk|buat)\s+(?:tu|sua|"
        r"a sua|dein|umur|usia|seu|seine)\s*(?:edad|idade|alter|mu|kamu|umurmu)?\b|\b(?:no "
        r"eres|nao e|nao es|du bist nicht|kamu ga|kamu gak|kamu beda)\s+(?:como|wie|kayak|"
        r"dari)\s+(?:las|os|as|die|yang|los|cewek|anak)\s*(?:otras|outras|outros|otros|"
        r"anderen|lain|lainnya)\b|\bnicht wie (?:die )?anderen\b|\b(?:beda|diferente) "
        r"(?:dari|de|das|dos|a las)\s+(?:yang lain|outras|otras|demas|los demas)\b|\betwas "
        r"besonderes\b|\bwise beyond (?:your|ur) years\b|\b(?:you|u)\s+(?:seem|sound|act|"
        r"look)\s+(?:so\s+|way\s+|much\s+)?older\s+than\b|\bmore mature than (?:most|other|"
        r"girls|boys|people)\b|\b(?:youre|ur|you are|u r)\s+not\s+like\s+(?:other|the "
        r"other|most)\b",
        0.85,
        "kind=mature",
    ),
    (
        # Better than the others of the child's age, grade or school ("prettier
        # than the girls in my grade", "mejor que la gente de mi edad").
        rf"\b{_TO_YOU}\b(?:\s+\S+){{0,6}}?\s+{_BETTER}\s+(?:\S+\s+){{0,3}}?(?:than|que|als|dari|"
        rf"dr|daripada)\s+(?:\S+\s+){{0,2}}?{_PEERS_OF}|\b{_TO_YOU}\b(?:\s+\S+){{0,6}}?\s+{_LOOKS}"
        rf"\s+(?:\S+\s+){{0,3}}?(?:than|que|als|dari|dr|daripada)\s+(?:\S+\s+){{0,2}}?{_GIRLS_BOYS}",
        0.8,
        "kind=peers",
    ),
    (
        # "You seem older", "parece mais velha", "kayak udah dewasa".
        r"\b(?:parece|pareces|pareceis|wirkst|kayak|kyk|seperti|keliatan|kelihatan|seem|seems|"
        r"sound|look)\s+(?:(?:ja|ya|udah|sudah|so|muito|mucho|viel|way|much|bem|super|lebih|"
        r"schon|total|tan|tao)\s+){0,2}(?:mais velh[oa]|mayor|dewasa|alter|alterer|older|grown "
        r"up|erwachsen|erwachsener|adulta?|mature|madur[oa]|reif)\b|"
        # how the child types: "u type older than that", "hablas con una madurez",
        # "you write better than most thirteen-year-olds", "ni parece que tengas 15"
        r"\b(?:you|u)\s+(?:type|write|talk|text|speak|chat)\s+(?:so\s+|way\s+|much\s+)?(?:older|"
        r"more mature|like an adult|like a grown up|like (?:someone|somebody) older)\b|"
        r"\b(?:you|u)\s+(?:\S+\s+){0,4}?(?:better|smarter|more maturely|more mature)\s+than\s+"
        r"(?:most|other|the other)\s+"
        r"(?:\S+\s+)?(?:year olds|kids|teens|teenagers|girls|boys)\b|"
        r"\b(?:hablas|escribes|habla|escribe|falas|escreves|fala|escreve)\s+(?:con|com)\s+"
        r"(?:(?:mucha|muita|una|uma|tanta)\s+)?(?:madurez|maturidade)\b|"
        r"\b(?:hablas|escribes|falas|escreves|schreibst|redest|ngetik|nulis|ngomong)\w*\s+"
        r"(?:como|wie|kayak|kyk|seperti)\s+(?:(?:un|una|um|uma|ein|eine|orang)\s+)?(?:adult[oa]|"
        r"mayor|erwachsene[rn]?|dewasa)\b|"
        r"\b(?:ni|nem|no)\s+(?:parece|parese)\s+(?:que|q)\s+(?:tengas|tenes|tens|tenhas|tem)\s+"
        r"\d{1,2}\b",
        0.8,
        "kind=mature",
    ),
    (
        # Maturity measured against an age: "very maturely for 15", "more mature
        # than the 13 yr olds", "hablas como una chica de 20", "tu conversa tipo
        # alguém de 18", "madura pra idade".
        rf"\b{_TO_YOU}\b(?:\s+\S+){{0,4}}?\s+{_MATURE}\w*\s+(?:(?:for|4|para|pra|pa|fur|fuer|"
        rf"untuk|buat|utk)\s+(?:(?:a|an|ser|tener|ter|umur)\s+)?|(?:than|que|als|dari|do que)\s+"
        rf"(?:(?:the|most|los|las|os|as|die|other|otros|otras|anak|yang)\s+){{0,2}}){_YOUNG_AGE}\b|"
        rf"\b(?:you|u|ur|youre)\s+(?:\S+\s+){{0,3}}?(?:write|talk|type|text|sound|speak|chat|act)\s+"
        rf"(?:\S+\s+){{0,2}}?like\s+(?:someone|somebody|a person|a girl|a guy|an adult|a grown\w*|"
        rf"people)\s+(?:\S+\s+){{0,2}}?(?:older|grown up|mature|adult|my age)\b|"
        rf"\b(?:hablas|hablás|escribes|escribis|pareces|parecés|suenas|falas|fala|escreves|"
        rf"escreve|conversa|conversas|pareces|parece|schreibst|redest|klingst|wirkst)\s+"
        rf"(?:\S+\s+){{0,2}}?(?:como|tipo|que nem|wie)\s+(?:(?:una|un|um|uma|alguien|alguem|"
        rf"jemand|eine|ein|persona|pessoa|chica|chico|mujer|muchacha|menina|mulher|gente|adulto|"
        rf"adulta|erwachsene|erwachsener)\s+){{1,2}}(?:\S+\s+){{0,2}}?(?:mayor|mas mayor|"
        rf"adulta?|madura|maduro|grande|mais velh[oa]|madur[oa]|alter|alterer|erwachsen\w*|"
        rf"(?:de|mit|von)\s+(?:1[89]|[2-4]\d|veinte|treinta|vinte|trinta|zwanzig|dreissig))\b|"
        rf"\b(?:madur[oa]|reif|dewasa|erwachsen)\s+(?:para|pra|pa|x)\s+(?:a\s+)?(?:edad|idade)\b|"
        rf"\b(?:sos|eres|hablas|hablás|escribis|escribes|voce e|vc e|es|falas|escreves|tu e)\s+"
        rf"(?:re|bien|bem|mega|super|muy|mt|muito)\s+(?:madur[oa]|maduramente)\b",
        0.8,
        "kind=mature",
    ),
    (
        # Maturity as a comparison or a degree, said to the child: "du wirkst
        # viel reifer", "viel reifer als die meisten", "és muito mais madura do
        # que", "kamu cukup dewasa", "cara kamu ngetik sangat dewasa", "you
        # write like you're older". Not "kamu udah dewasa belum" (a question),
        # "kamu belum cukup dewasa", nor someone else's maturity. Not in
        # _THAN_PEERS: there "than most" would follow "older" and "smarter"
        # too, which the speaker says of themself ("i'm older than most").
        r"\bdu\s+(?:bist|wirkst|klingst|schreibst|redest|siehst|kommst|bisch)\b(?:\s+\S+){0,5}?\s+"
        r"(?:reifer|erwachsener)\b|\breifer als (?:die meisten|"
        r"viele|andere|alle|deine)\b|"
        r"\b(?:es|voce e|vc e|tu e|tu es|voce parece|vc parece)\s+(?:(?:muito|mt|bem|tao)\s+)?"
        r"mais\s+madur[oa]\b|\bes\s+(?:muito|mt|bem|tao)\s+madur[oa]\b|"
        r"\b(?:kamu|km|dek|adek|cara kamu (?:ngetik|mengetik|ngomong|bicara|berbicara|nulis|"
        r"menulis|mikir|berpikir|ngobrol))\s+(?!(?:\S+\s+){0,2}?(?:belum|blm|ga|gak|tidak|"
        r"nggak|kurang)\b)(?:\S+\s+){0,2}?(?:cukup|sangat|sgt|udah|sudah|dah|lebih|lbh)\s+"
        r"dewasa\b(?!\s+(?:belum|blm|ga|gak|kah|ya|blom|bukan|atau))|"
        r"\bmore mature\s+(?:\S+\s+){1,3}?than\s+(?:most|other|the other|people|kids|girls|"
        r"boys)\b|\b(?:hablas|escribes|falas|escreves|schreibst|redest|(?:you|u)\s+(?:talk|write|"
        r"type|speak))\s+(?:\S+\s+){0,2}?(?:mejor|melhor|besser|better)\s+"
        r"(?:que|do que|als|than)\s+"
        r"(?:\S+\s+){0,2}?(?:adult[oa]s|adults|erwachsene|grown ups|grownups)\b|"
        r"\b(?:kayak|kyk|kaya|seperti|keliatan|kelihatan)\s+(?:udah|sudah|udh|dah)\s+gede\b|"
        r"\b(?:you|u)\s+(?:type|write|talk|text|sound|act|seem)\s+like\s+(?:youre|you re|you are|"
        r"ur|u r|ure)\s+(?:way\s+|much\s+|a lot\s+)?(?:older|an adult|a grown ?up|grown up|"
        r"1[89]|2\d)\b",
        0.8,
        "kind=mature",
    ),
    (
        # The age gap waved away: "age is just a number", "idade é só um número".
        r"\b(?:age|edad|idade|alter|umur|usia)\s+(?:is|es|e|ist|itu|cuma|hanya|cm)?\s*(?:just|"
        r"only|solo|so|nur|apenas|cuma|hanya|cm)?\s*(?:a|un|um|eine|sekedar|sebuah)?\s*(?:number|"
        r"numero|zahl|angka)\b|\b(?:age|edad|idade|alter|umur|usia)\s+(?:doesnt|does not|dont|"
        r"no|nao|spielt keine|gak|ga|nggak|tidak)\s+(?:matter|importa|rolle|penting|masalah)\b",
        0.85,
        "kind=age_gap",
    ),
)
# "Nobody watches there", said of another app or a place: "ahí no mira
# nadie", "lá ninguém vê", "da schaut keiner rein", "di sana ga ada yang liat".
WATCHED_NOT: Final = (
    r"\b(?:ahi|alli|alla|ali|la|lah|da|dort|disana|di sana|disitu|di situ|there)\s+(?:no\s+)?"
    r"(?:nadie|naide|ninguem|niemand|keiner|no one|nobody|noone|ga ada yang|gak ada yang|gaada "
    r"yang|gada yang|tidak ada yang|ndak ada yang)\s+(?:(?:te|nos|nos|uns|us|kita)\s+)?"
    r"(?:mira|ve|lee|revisa|controla|olha|le|schaut|liest|sieht|kontrolliert|looks|sees|reads|"
    r"checks|watches|liat|lihat|baca|ngecek|cek|tau|tahu|sabe)\b|"
    r"\b(?:da|dort)\s+(?:schaut|guckt|liest|sieht|kontrolliert)\s+(?:keiner|niemand)\b|"
    r"\b(?:ahi|alli|alla|ali|la|da|dort)\s+(?:no|nao|nicht)\s+(?:te\s+|nos\s+)?(?:mira|ve|lee|"
    r"revisa|controla|olha|le|schaut)\s+(?:nadie|naide|ninguem|keiner|niemand)\b|"
    r"\b(?:estas|tas|quedas|voce fica|vc fica|ficas|fica)\s+(?:sol(?:it|ic)[oa]|sozinh(?:o|a|"
    r"inha|inho))\b"
)
_WHEN = (
    r"(?:when|once|after|while|cuando|mientras|quando|qnd|enquanto|pas|kalau|kalo|waktu|saat|"
    r"wenn|sobald|wahrend)"
)
_THEIR_PARENTS = (
    r"(?:your|ur|tus|tu|teus|os teus|seus|os seus|deine|ihre|ortu|orang tua|mama|papa|mamah|"
    r"ibu|ayah|bokap|nyokap)\s*(?:parents|mom|mum|dad|padres|papas|papa|mama|viejos|pais|pai|"
    r"mae|eltern|mutter|vater|mama|papa|kamu|km|mu|lo|lu)?"
)
_ASLEEP = (
    r"(?:asleep|sleeping|sleep|duerman|duermen|dormidos|dormid[oa]s|a dormir|dormirem|dormindo|"
    r"dormiram|tidur|schlafen|schlaft|schlafed|pennen)"
)
ISOLATION: Final = (
    (
        r"\b(?:tus|tu|seus|tuas|sua|tua|deine|ortu|orang tua|ortumu|mama|papa)\s*(?:padres|"
        r"papas|pais|mae|mama|mami|madre|vieja|jefa|eltern|mum|mom|mutter|mutti|kamu|km|kmu|lo|"
        r"lu|mu)?\s+(?:(?:te|dein|deine|suka|sering)\s+)?(?:revisan|revisa|miran|mira|checan|"
        r"checa|leen|lee|olham|olha|checam|mexem|mexe|veem|ve|leem|vigiam|kontrollieren|"
        r"kontrolliert|lesen|liest|schauen|schaut|checken|checkt|cek|ngecek|periksa|liat|lihat|"
        r"baca)\s+(?:(?:tu|tus|el|los|seu|teu|no|o|os|dein|deine|in|hp|di|an)\s+)?(?:celular|cel|"
        r"cell|telefono|movil|mensajes|chats|handy|telefon|nachrichten|hp|hape|ponsel|chat|"
        r"pesan|whats|zap|conversas|mensagens)\b|"
        # "hp kamu suka dipegang ortu?", "chat lo dicek nyokap?"
        r"\b(?:hp|hape|handphone|ponsel|chat|chatnya)\s*(?:kamu|km|mu|lo|lu)?\s+(?:suka\s+|"
        r"sering\s+|pernah\s+|juga\s+)?(?:dipegang|dicek|dicekin|diperiksa|dilihat|diliat|"
        r"dibuka|dibaca|diambil)\s+(?:sama\s+|ama\s+|oleh\s+)?(?:ortu|orang tua|mama|papa|ibu|"
        r"ayah|nyokap|bokap|mamah|papah)\b|"
        # "te mira los mensajes?", "kontrolliert deine Mum dein Handy?"
        r"\bte\s+(?:mira|miran|revisa|revisan|checa|checan|lee|leen|agarra|agarran|coge|"
        r"cogen)\s+(?:el|los|las|tu|tus)\s+(?:cel|celular|movil|telefono|mensajes|chats|"
        r"conversaciones|whats)\b|\b(?:kontrolliert|checkt|liest|durchsucht|schaut)\s+(?:deine|"
        r"dein)\s+(?:mum|mom|mama|mutter|mutti|vater|papa|alte|alter)\s+(?:in\s+)?(?:dein|"
        r"deine)\s+(?:handy|nachrichten|chats|telefon)\b|\b(?:estan|estao|tao|sind|ada)\s+(?:tus|seus|deine|ortu|"
        r"orang tua)\s*(?:padres|papas|pais|eltern|kamu|mu)?\s+(?:en casa|em casa|zu hause|"
        r"zuhause|da|di rumah)\b|\b(?:tus|seus|deine|ortu|orang tua)\s*(?:padres|papas|pais|"
        r"eltern|kamu|mu)?\s+(?:estan|estao|tao|sind|ada)\s+(?:en casa|em casa|zu hause|"
        r"zuhause|di rumah)\b|\b(?:ortu|orang tua|nyokap|bokap)\s*(?:kamu|km|kmu|mu|lo|lu|loe|"
        # "ortu lo di rumah?", "ortu kamu lagi pergi?"
        r"elo|elu)\s+(?:(?:lagi|ada|masih|udah|sudah|lg)\s+)?(?:di rumah|dirumah|pergi|keluar|"
        r"kerja|ga di rumah|gak di rumah|nggak di rumah|ngga di rumah|belum pulang|pulang jam)\b|"
        r"\b(?:kontrollieren|lesen|checken|durchsuchen|schauen)\s+"
        r"(?:deine|ihre)\s+(?:eltern|mutter|mama|vater|papa)\s+(?:in\s+)?(?:dein|deine)\s+"
        r"(?:handy|nachrichten|chats|telefon)\b",
        0.75,
        "kind=watched",
    ),
    (
        r"\b(?:nadie|ninguem|niemand|ga ada yang|gak ada yang|tidak ada yang)\s+(?:te|dich)?"
        r"\s*(?:entiende|entende|versteht|ngerti|mengerti|paham)\s+(?:(?:kamu|dich|te)\s+)?"
        r"(?:como yo|como eu|so wie ich|wie ich|kayak aku|seperti aku|selain aku)\b|"
        r"\b(?:te entiendo|te entendo|verstehe dich|ngerti kamu|mengerti kamu|paham kamu)\s+"
        r"(?:mejor|melhor|besser|lebih baik)\s+(?:que|do que|als|daripada|dari)\b|"
        # "aku lebih ngerti kamu daripada ortu kamu", "gw ngerti lo lbh dr ortu lo"
        r"\b(?:aku|gue|gw|gua|saya|sy|aq)\s+(?:\S+\s+)?(?:lebih|lbh)\s+(?:ngerti|ngertiin|mengerti|"
        r"paham|kenal)\s+(?:kamu|km|lo|lu|elo)\s+"
        r"(?:daripada|drpd|dari|dr)\b|\b(?:ngerti|mengerti|paham|kenal)\s+(?:kamu|km|lo|lu|elo)\s+"
        r"(?:lebih|lbh)\s+(?:baik\s+)?(?:daripada|drpd|dari|dr)\s+(?:ortu|orang tua|nyokap|bokap|"
        r"mama|papa|temen|teman)\w*\b|"
        r"\b(?:pareces|pareces muy|voce parece|vc parece|du wirkst|kamu kelihatan|kamu "
        r"keliatan|kamu tampak)\s+(?:(?:muy|tan|muito|tao|so|sehr|echt)\s+)?(?:sol[oa]|"
        r"solitari[oa]|triste|sozinh[oa]|einsam|traurig|kesepian|sedih)\b|\b(?:your|ur)\s+"
        r"(?:friends|parents|family)\s+(?:dont|do not|never)\s+(?:get|understand)\s+(?:you|u)"
        r"\b|\b(?:you|u)\s+can\s+tell\s+me\s+(?:anything|everything)\b|\bdo\s+(?:your|ur)\s+"
        r"(?:parents|mom|dad|mum)\s+know\s+(?:you|u|youre|ur)\b",
        0.8,
        "kind=lonely",
    ),
    (
        r"\b(?:hablemos|hablamos|conversemos|vamos conversar|vamos falar|bora conversar|lass "
        r"uns|ngobrol|kita ngobrol|chat)\s+(?:(?:mas|mais|lebih|woanders|an einem)\s+)?"
        r"(?:en privado|no privado|em particular|privat|privado|privat schreiben|"
        r"di tempat lain|berdua aja|berdua saja|ungestort)\b|\b(?:es|e|eh|ist|lebih)\s+"
        r"(?:mas|mais|lebih)?\s*(?:privado|privat|privater|seguro|sicherer|aman)\s+(?:alla|"
        r"la|dort|da|disana|di sana)\b|\bbiar lebih (?:privat|aman)\b",
        0.75,
        "kind=private",
    ),
    (
        # Talking or calling when the partner's parents sleep: the time
        # nobody watches ("cuando tus papás duerman", "pas mama kamu tidur").
        rf"\b{_WHEN}\s+(?:{_THEIR_PARENTS})\s+(?:\S+\s+){{0,2}}?{_ASLEEP}\b",
        0.8,
        "kind=unwatched",
    ),
    (
        # ...and "when they sleep", whose "they" may be anyone: weak.
        rf"\b{_WHEN}\s+(?:(?:she|he|they|shes|hes|theyre|ellos|ella|eles|ela|mereka|mrk|"
        rf"sie|si|die)\s+)?(?:(?:are|is|r|s|re|ja|estiverem|esten|estan|sind)\s+)?{_ASLEEP}\b",
        0.45,
        "kind=unwatched;they",
    ),
)
# Gifts offered to the partner: money, phone credit, game currency, things.
# Grooming buys trust this way ("te cargo saldo", "ich kauf dir ein Handy",
# "nanti akang isiin pulsa"); peers trade game items too, so a gift is a
# concern towards a minor and a step of a pattern, never a pattern alone.
VALUABLE: Final = (
    r"(?:money|cash|bucks|dollars|quid|dinero|plata|lana|varo|feria|mangos|lucas|guita|"
    r"dinheiro|grana|reais|uang|duit|pulsa|kuota|saldo|geld|kohle|euros?|robux|vbucks|v bucks|"
    r"varos|pesos|pavos|dimas?|diamonds?|diamantes?|skins?|battle ?pass|pase de batalla|"
    r"passe de elite|gems|uc|"
    r"monedas|moedas|fifa points|gift ?cards?|tarjeta de regalo|cartao presente|gutschein\w*|"
    r"guthaben|credits?|recarga|top ?up|paysafecard|psc|google play|itunes|iphone|airpods|"
    r"(?:a |un |um |ein |ne |n )?(?:new|nuevo|novo|neues|neuen) (?:phone|celular|handy|"
    r"headphones|auriculares|fones|kopfhorer|clothes|shoes|sneakers|zapatillas|tenis)|"
    r"(?:celular|auriculares|audifonos|zapatillas|tenis|fones|ropa|roupa) (?:nuev[oa]s?|nov[oa]s?)|"
    r"hp baru|regalito|presentinho|prenda|"
    r"hadiah|kado|geschenk|mainan|juguete|brinquedo|spielzeug|juego nuevo|jogo novo|neue spiel|"
    r"sube|pix|mercado pago|paypal|lo que quieras|o que quiseres|o que voce quiser|apa aja|"
    r"apapun|was du willst|"
    # something nice: "te regalo algo lindo", "ich kauf dir was Schönes"
    r"algo (?:lindo|bonito|especial)|something (?:nice|special|pretty|cute)|(?:was|etwas) "
    r"(?:schones|schoenes|hubsches|besonderes)|(?:uma coisa|algo) (?:bonit[oa]|especial|legal)|"
    r"sesuatu yang (?:bagus|spesial|lucu))"
)
GIFTS: Final = (
    (
        rf"\b(?:i ?ll|i will|i can|i could|i d|i would|let me|lemme|i wanna|i want to|i ?m gonna|"
        rf"i am going to|i ?m going to)\s+(?:\S+\s+)?(?:buy|get|gift|send|give|pay for|top up|"
        rf"load)\s+(?:you|u|ya|your|ur)\b(?:\s+\S+){{0,4}}?\s+{VALUABLE}\b|"
        rf"\b(?:te\s+(?:compro|regalo|mando|paso|cargo|doy|invito|pago|deposito|transfiero)|te\s+"
        rf"(?:puedo|podria|quiero|voy a)\s+(?:regalar|comprar|mandar|pasar|cargar|dar|depositar|"
        rf"transferir)|(?:puedo|podria|quiero|voy a)\s+(?:regalarte|comprarte|mandarte|pasarte|"
        rf"cargarte|darte|depositarte))\b(?:\s+\S+){{0,4}}?\s+{VALUABLE}\b|"
        rf"\b(?:te\s+(?:dou|compro|mando|passo|pago|ofereco)|(?:posso|vou|quer que eu|queres que "
        rf"eu|eu)\s+te\s+(?:dar|mandar|comprar|pagar|passar|de|oferecer|dou|compro|mando)|"
        rf"(?:posso|vou)\s+(?:dar|comprar|oferecer|mandar)\s+te|(?:ofereco|compro|dou)\s+te|"
        rf"comprote|ofereçote)\b(?:\s+\S+){{0,4}}?\s+{VALUABLE}\b|"
        rf"\b(?:aku|gue|gw|saya|akang|kakak|om|abang|aq|sy)\s+(?:\S+\s+){{0,2}}?(?:beliin|"
        rf"belikan|kirimin|transferin|transfer|isiin|isikan|bayarin|traktir|kasih|ngasih)\s+"
        rf"(?:\S+\s+){{0,3}}?{VALUABLE}\b|"
        rf"\bich\s+(?:\S+\s+){{0,2}}?(?:kauf|kaufe|schenk|schenke|geb|gebe|schick|schicke|"
        rf"spendier|spendiere|uberweis|uberweise|lad|lade)\s+dir\b(?:\s+\S+){{0,4}}?\s+"
        rf"{VALUABLE}\b|\bdir\s+(?:\S+\s+){{0,3}}?{VALUABLE}\s+(?:\S+\s+)?(?:kaufen|"
        rf"schenken|geben|schicken|spendieren|uberweisen|aufladen)\b",
        0.8,
        "kind=offer",
    ),
    (
        # An amount of a game's currency offered: "want 1000 robux?", "quer
        # 1000 dima?", "willst du 1000 vbucks", "mau 500 diamond?"
        r"\b(?:(?:do\s+)?(?:you|u)\s+want|want|wanna|quieres|queres|quer|queres|willst(?:\s+du)?|"
        r"mau|mw|mo)\s+(?:(?:free|gratis|\d+k?|mil|tausend|ribu|rb)\s+){1,2}(?:de\s+)?(?:robux|"
        r"vbucks|v bucks|pavos|diamantes?|diamonds?|dimas?|dm|gems|uc|skins?|pulsa)\b",
        0.8,
        "kind=offer",
    ),
)
MEETING: Final = (
    (
        r"\b(?:onde|aonde)\s+(?:voce|vc|tu)\s+mora\b|\bwo\s+wohnst\s+du\b|\bwo\s+"
        r"lebst\s+du\b|\bdomisili\s+(?:di\s*mana|dimana)\b",
        ASK_WHERE,
        "ask=where",
    ),
    (
        r"\b(?:que|qual|cual|en que|em que|welche|auf welche|in welche)\s+(?:escola|colegio|"
        r"escuela|schule|instituto)\b|\bsekolah(?:mu|\s+kamu|\s+di)?\s*(?:di\s*mana|dimana)\b",
        # Teens ask each other this all the time: a little weight towards the
        # conversation's risk (under PRESENT), not a meeting request.
        0.45,
        "ask=school",
    ),
    (
        r"\b(?:podemos|podriamos|quieres|queres|quer|vamos|bora|a gente pode|a gente podia|"
        r"a gente poderia|podiamos|poderiamos|wollen wir|willst du|lass uns|konnen wir|"
        r"konnten wir|sollen wir|mau|yuk|ayo|kita bisa)\s+(?:(?:nos|se|a gente|uns)"
        # "vamos ver", "lass uns sehen": "let's see"; "nos ver", "uns sehen": meet
        r"\s+(?:ver|sehen)\b|(?:(?:nos|se|a gente|uns)\s+)?(?:vernos|encontrar|conhecer|quedar|"
        r"treffen|ketemu|ketemuan|jalan bareng|conocernos|encontrarnos)\b"
        # "mau ketemu sepupu2 gw": the speaker's family or friends, not the partner
        r"(?!\s+(?:(?:sepupu|temen|teman|sodara|saudara|pacar|keluarga)\S*\s+(?:gw|gue|gua|aku|"
        r"saya)|(?:sepupu|temen|teman|sodara|saudara|pacar|keluarga)(?:2)?ku|nenek|kakek|ortu|"
        r"nyokap|bokap|dokter|guru|pelatih)\b))(?:\s+(?:en persona|"
        r"pessoalmente|persoenlich|personlich|langsung|irl))?",
        0.85,
        "ask=meet",
    ),
    (
        # A meeting set with a place or a day: "nos vemos en el shopping el
        # sábado", "a gente se encontra no shopping", "samstag treffen wir uns
        # am Hbf" (not the goodbye "nos vemos", "nos vemos en la próxima")
        r"\bnos\s+(?:vemos|encontramos)\s+(?:en\s+(?:el|la|los|las|un|una)\s+(?:shopping|mall|"
        r"centro|plaza|parque|cine|estacion|cafe|cafeteria|biblioteca|esquina|metro|parada|"
        r"terminal)|en\s+(?:mi|tu)\s+casa|el\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|"
        r"domingo))\b|\ba\s+gente\s+se\s+(?:encontra|ve)\s+(?:no|na|em)\s+(?:shopping|praca|"
        r"parque|cinema|estacao|metro|biblioteca|padaria|esquina|minha casa|sua casa)\b|"
        r"\b(?:treffen\s+wir\s+uns|wir\s+treffen\s+uns)\s+(?:am|an|im|in|beim|bei|vor|morgen|"
        # not at a third's: "wir treffen uns morgen bei ihr"
        r"heute|samstag|sonntag|freitag|nach)\b(?!(?:\s+\S+){0,6}?\s+bei\s+(?:ihr|ihm|ihnen)\b)|"
        # "cuando quieras quedamos", "quedamos el sábado" (not "nos quedamos
        # en casa", "quedamos en que...")
        r"\b(?:cuando quieras|si quieres|si queres|un dia de estos|algun dia|este finde|el finde)"
        r"\s+(?:\S+\s+)?quedamos\b|\bquedamos\s+(?:el (?:sabado|domingo|viernes|finde)|este "
        r"(?:sabado|domingo|viernes|finde)|para vernos|en vernos)\b",
        0.85,
        "ask=meet;set",
    ),
    (
        r"\bwir\s+(?:konnen|konnten|sollten|koennen)\s+uns\s+(?:mal\s+)?(?:treffen|sehen)\b|"
        r"\bich\s+(?:hol|hole)\s+dich\s+(?:(?!nicht\b)\S+\s+){0,5}?ab\b|"
        # "te busco" is also "I'll find you" in a game ("ahí te busco"): a
        # pickup with a place or a time
        r"\bte busco\s+(?:a la salida|a las|al salir|en tu casa|en la escuela|en el cole|"
        r"en el colegio|en la parada|en la esquina|saliendo|despues de clase|manana a)\b|"
        r"\b(?:te recojo|paso por ti|pasar por ti|te pego|"
        r"ich komme zu dir|voy a tu casa|vou ai na sua casa|vou na sua casa|ven a mi casa|"
        r"vem pra minha casa|komm zu mir|main ke rumahku|ke rumah aku|aku samperin)\b|"
        # "ich könnte dich nach der Schule abholen", "te puedo ir a buscar",
        # "posso te buscar na escola", "nanti aku jemput", "tak jemput"
        r"\bich\s+(?:\S+\s+)?dich\s+(?:\S+\s+){0,5}?(?:abholen|abholn|abhole|holen)\b|"
        r"\b(?:te\s+(?:puedo|podria|paso a|voy a|vengo a)\s+(?:ir a\s+)?(?:buscar|recoger)|"
        r"(?:puedo|podria|voy a)\s+(?:ir a\s+)?(?:buscarte|recogerte)|(?:posso|vou|podia|"
        r"poderia)\s+te\s+(?:buscar|pegar|ir buscar)|(?:posso|vou|podia)\s+(?:ir\s+)?buscar\s+te)"
        r"\b(?!\s+(?:un|una|el|la|o|a|um|uma)\s+(?:libro|link|video|jogo|juego|foto|tema|"
        r"musica|lugar))|"
        r"\b(?:aku|gue|gw|saya|sy|aq|tak|ta|akang|kakak|om)\s+(?:\S+\s+)?jemput\b|"
        # "aku bisa ke situ naik motor", "gue samperin ke rumah lo"
        r"\b(?:aku|gue|gw|gua|saya|aq|sy)\s+(?:bisa|mau|boleh|bakal|akan)\s+(?:\S+\s+)?(?:ke\s+"
        r"situ|kesitu|ke\s+tempat\s*(?:mu|kamu|km|lu|lo)|ke\s+rumah\s*(?:mu|kamu|km|lu|lo)|"
        r"nyamperin|samperin|nyusul\s+(?:kamu|km|lu|lo))\b",
        0.9,
        "ask=pickup",
    ),
    (
        r"\b(?:dame|manda(?:me)?|me passa|passa|gib mir|schick mir|kasih|kirim)\s+"
        r"(?:(?:tu|sua|seu|deine|alamat|alamatmu|mu)\s+)?(?:direccion|ubicacion|endereco|"
        r"localizacao|adresse|standort|alamat|lokasi|sharelok|share lok)\b|"
        # "share lok aja", "sharelok dong"
        r"\b(?:share\s*lok|share\s*loc|sharelock|shareloc)\s+(?:aja|dong|donk|ya|dulu|skrg|"
        r"sekarang|rumah\w*|kamu|km|mu)\b",
        0.9,
        "ask=address",
    ),
)
PICTURES: Final = (
    (
        r"\b(?:schick|schicke|sende|zeig|zeige|schickst du|zeigst du)\s+(?:mir\s+)?"
        r"(?:(?:mal|doch|ein|eine|n|ne|nen|es|paar|ein paar)\s+){0,2}(?:bild|bilder|foto|fotos|"
        r"selfie|"
        r"dich|deinen|deine)\b|\b(?:me manda|manda|envia|me envia|mandame|pasame|enviame|"
        r"kirimin|kirim)\s+(?:(?:uma|um|una|un|unas|umas|mais|mas|otra|outra|dong|aja)\s+)?"
        r"(?:foto|fotos|selfie|selfies|imagen|video)\b|"
        # "preciso de fotos tuas", "quiero unas fotos tuyas", "ich brauche Bilder von dir"
        r"\b(?:preciso|precisava|quero|queria|necesito|necesitaria|quiero|brauche|will)\s+(?:de\s+)?"
        r"(?:(?:umas?|unas?|mais|algumas|algunas|ein paar|paar)\s+)?(?:fotos?|fotografias?|"
        r"selfies?|bilder)\s+(?:tuas?|tuyas?|von dir|de ti|de voce|de vc)\b",
        0.85,
        "",
    ),
    (
        # Indonesian "pap" (post a picture, of oneself unless something is
        # named): "pap dong", "minta pap", "pap muka"
        r"\b(?:minta\s+)?pap\s+(?:dong|donk|dunk|dulu|dlu|ya|yuk|kak|aja|sekarang|skrg|muka|wajah|"
        r"badan|full|kamu|km|mu)\b|\bminta\s+pap\s*[?!.]*$|\bpap\s*[?!.]*$",
        0.85,
        "kind=pap",
    ),
    (
        r"\b(?:tienes|tenes|tem|hast du|ada|punya)\s+(?:mas\s+|mais\s+|noch\s+)?(?:fotos|"
        # not a photo on one's own page: "tem foto no meu insta", "ada foto di ig aku"
        r"bilder|foto)\b(?!\s+(?:(?:no|na|nos|nas|en|in|im|auf|on)\s+(?:meu|minha|mi|mis|meinem|"
        r"meiner|meinen|my)\s+(?:insta|instagram|ig|perfil|profil|tiktok|face|facebook|feed|"
        r"story|stories|conta|cuenta|account|galeria|pagina)|di\s+(?:ig|insta|instagram|tiktok|"
        r"akun|profil|fb)\s*(?:aku|ku|gw|gue|saya))\b)|\b(?:prende|enciende|liga|ativa|mach|schalte|nyalain|nyalakan)\s+"
        r"(?:la|a|die|deine)?\s*(?:camara|camera|cam|kamera)\b(?:\s+(?:an|ein))?|\b(?:vc|video "
        r"call|videollamada|chamada de video|videoanruf)\s+(?:yuk|ayo|dong|bora|vamos|"
        r"jetzt)\b|\bwie\s+siehst\s+du\s+aus\b|\bcomo\s+(?:eres|voce e|vc e)\s+"
        r"fisicamente\b",
        0.8,
        "kind=cam",
    ),
)
