"""Put-downs said without a swear word, and the replies of the person put down.

Pattern sources, like :mod:`.lexicon` (whose conventions they follow): a
protest at the partner's words ("are you threatening me?", "¿qué te he hecho
yo?"), a shut-up or a "nobody asked", a profane dismissal, harm wished on
the partner and condescension in set phrases. :mod:`.patterns` compiles
them for :class:`.insults.Insults`.
"""

from __future__ import annotations

from typing import Final

# A protest at the partner's words, in five languages: a threat named
# ("are you threatening me?", "¿me está amenazando?", "ist das eine
# Drohung?"), the partner called rude or cruel, "stop insulting me", "I'm
# reporting you". Said of the partner ("you", "that"), not of a story's
# stranger ("that guy was creepy").
PROTEST: Final = (
    # English
    r"\b(?:are|r)\s+(?:you|u)\s+(?:threatening|threatning|stalking)\s+me\b|\bis\s+(?:that|this)\s+"
    r"a\s+threat\b|\b(?:you re|youre|you are|ur|u r|why are you|why r u|why are you being|stop "
    r"being|no need to be|dont be|don t be|how can you be)\s+(?:so\s+|really\s+|very\s+|being\s+|"
    r"such\s+a\s+|just\s+|incredibly\s+|actually\s+)?(?:rude|mean|cruel|nasty|horrible|"
    r"disgusting|offensive|insulting|hateful|vile)\b(?!\s+(?:for|at|with)\s+(?:that|this|it)\b)|"
    r"\b(?:thats|that s|that is|that was)\s+"
    r"(?:so\s+|really\s+|very\s+)?(?:uncalled for|out of line|offensive|insulting|harassment)\b|"
    r"\bstop\s+(?:insulting|harassing|threatening|bullying)\s+me\b|\b(?:im|i m|i am|ive|i ve|"
    r"i have|i just|i will|ill|i ll)\s+(?:\w+\s+)?(?:reporting|reported|report)\s+(?:you|u)\b|"
    r"\bwhy\s+(?:would|do|did)\s+(?:you|u)\s+say\s+(?:that|something like that|such)\b|"
    r"\bwhy\s+(?:are|r)\s+(?:you|u)\s+(?:saying|being)\s+(?:this|that|like this|like that|so)\b|"
    r"\b(?:thats|that s|that is|this is)\s+(?:so\s+|really\s+|very\s+)?hurtful\b|"
    r"\b(?:you|u)\s+(?:dont|don t|do not)\s+even\s+know\s+me\b|"
    # Spanish
    r"\b(?:me\s+(?:estas|esta)\s+amenazando|es\s+(?:eso\s+)?una\s+amenaza|esto\s+es\s+una\s+"
    r"amenaza)\b|\bni\s+(?:siquiera\s+)?me\s+conoces\b|"
    r"\bpor\s*que\s+me\s+(?:dices|hablas|tratas)\s+(?:eso|asi)\b|\b(?:eres|es usted|sos|"
    r"estas siendo|esta siendo|por que eres|por que sos)\s+"
    r"(?:muy\s+|tan\s+|un\s+|una\s+)?(?:grosero|grosera|maleducad[oa]|cruel|desagradable|"
    r"asqueros[oa]|ofensiv[oa]|irrespetuos[oa])\b|\bno\s+hace\s+falta\s+(?:insultar|ofender)\b|"
    r"\bdeja\s+de\s+(?:insultarme|acosarme|amenazarme)\b|\b(?:te|le)\s+(?:voy a|"
    r"he|acabo de|vamos a)\s+(?:denunciar|reportar|denunciado|reportado)\b|\bte\s+(?:denuncie|"
    r"reporte)\b|"
    # Portuguese
    r"\b(?:(?:voce|vc|tu)\s+(?:esta|ta|tas|estas)\s+me\s+ameacando|isso\s+e\s+uma\s+ameaca|ta\s+"
    r"me\s+ameacando)\b|\bnao\s+precisa\s+(?:ofender|xingar|insultar)\b|\bpara\s+de\s+me\s+"
    r"(?:xingar|ofender|ameacar|insultar)\b|\b(?:vou|eu vou)\s+(?:te\s+denunciar|te\s+reportar|"
    r"denunciar (?:voce|vc|o seu|a sua|seu|sua))\b|\b(?:te|o|a)\s+(?:denunciei|reportei)\b|"
    r"\b(?:por que|pq|porque)\s+(?:voce|vc|tu)\s+(?:esta|ta|e|es)\s+(?:sendo\s+)?(?:tao\s+)?"
    r"(?:cruel|grosso|grossa|mal educad[oa])\b|\b(?:voce e|vc e|tu es)\s+(?:muito\s+|mt\s+|"
    r"tao\s+)?(?:grosso|grossa|cruel|mal educad[oa])\b|"
    # Indonesian
    r"\b(?:anda|kamu|km|lo|lu)\s+(?:mengancam|ngancem|ngancam)\b|\bini\s+ancaman\b|"
    r"\b(?:tidak|ga|gak|nggak|ngga)\s+(?:perlu|usah)\s+(?:menghina|ngehina|ngatain)\b|\bjangan\s+"
    r"(?:menghina|ngehina|ngatain)\s+(?:saya|aku|gue|gw)\b|\b(?:aku|saya|gue|gw)\s+(?:laporin|"
    r"laporkan|report|lapor)\s+(?:kamu|km|anda|lo|lu|elo)\b|\b(?:anda|kamu)\s+(?:saya|aku)\s+"
    r"(?:laporkan|laporin)\b|"
    # the pronoun as subject, not after the noun it owns ("temen kantor lo jahat")
    r"(?:^|\b(?:ih|dih|kok|wah|emang|ternyata|sumpah|duh|aduh|astaga|tapi|yah)\s+)(?:anda|kamu|"
    r"km|lo|lu)\s+(?:\w+\s+)?(?:jahat|kasar|kejam)\b|"
    r"\bkenapa\s+(?:kamu|anda|lo|lu)\s+(?:jahat|kasar|kejam)\b|\bkok\s+(?:gitu|begitu)\s+"
    r"(?:\w+\s+)?(?:ngomongnya|omongannya|bicaranya)\b|\bkenal\s+(?:aja|saja)\s+(?:enggak|nggak|"
    r"ngga|ga|gak|tidak)\b|\b(?:tolong\s+)?jangan\s+(?:mengancam|ngancem|ngancam)\b|\bbukan\s+"
    r"(?:buat\s+|untuk\s+)?dihina\b|"
    # German
    r"\b(?:ist\s+das\s+(?:eine\s+)?drohung|drohst\s+du\s+mir|bedrohst\s+du\s+mich|drohen\s+sie\s+"
    r"mir)\b|\b(?:das\s+ist|du\s+bist|sie\s+sind)\s+(?:echt\s+|total\s+|so\s+|sehr\s+)?"
    r"(?:unverschamt|beleidigend|respektlos)\b|\b(?:du\s+bist|warum\s+bist\s+du|wieso\s+bist\s+du|"
    r"sie\s+sind|warum\s+"
    r"sind\s+sie)\s+(?:echt\s+|total\s+|so\s+|sehr\s+)?(?:gemein|fies|widerlich|bose)\b|\bhor\s+"
    r"auf\s+(?:mich\s+)?(?:zu\s+)?(?:beleidigen|bedrohen|belastigen)\b|\bich\s+(?:melde|habe|hab|"
    r"werde)\s+(?:dich|sie)\s+(?:gemeldet|melden)\b|\bich\s+melde\s+dich\b|\b(?:wieso|warum|"
    r"weshalb)\s+(?:bist\s+du\s+so|sagst\s+du\s+(?:so\s+was|sowas|das|so\s+etwas))\b|\bdu\s+"
    r"kennst\s+mich\s+(?:doch\s+)?(?:gar\s+|uberhaupt\s+)?nicht\b|"
    # The quieter protests of someone put down politely: "that's quite rude",
    # "that's not funny", "¿por qué me habla así?", "gak lucu", "kok bawa2
    # bapak gue", "não lhe fiz mal nenhum", "das war jetzt unnötig".
    r"\b(?:thats|that s|that is|that was|this is)\s+(?:(?:so|really|very|quite|pretty|kinda|"
    r"kind of|a bit|a really|such a|a)\s+){0,2}(?:rude|mean|nasty|harsh|low(?=\s*[.!?]*$)|"
    r"low blow|uncalled for|"
    r"unnecessary|out of order|(?:weird|strange|horrible|mean|nasty|rude) thing to say)\b"
    # "that's really nasty of her": someone else's words
    r"(?!\s+(?:of|from|for)\s+(?:her|him|them|his|that|the|my|your|this)\b)|"
    r"\b(?:thats|that s|that is|that was|it s|its)\s+not\s+funny\b|\bthat wasnt funny\b|"
    r"\b(?:whats|what s|what is)\s+(?:your|ur)\s+problem\b|\bwhat s wrong with you\b|"
    r"\bwhats wrong with (?:you|u)\b|"
    r"\bpor\s*que\s+me\s+(?:habla|hablas|trata|tratas|dice|dices)\s+(?:asi|eso)\b|"
    r"\bno\s+(?:es|fue|tiene)\s+(?:nada\s+)?(?:gracioso|gracia)\b|\beso\s+(?:fue|es|estuvo)\s+"
    r"(?:muy\s+)?(?:innecesario|feo|grosero|cruel|de mal gusto)\b|\bdejame\s+en\s+paz\b|"
    r"\b(?:gak|ga|nggak|ngga|tidak|ndak)\s+lucu\b|\bkenapa\s+(?:\w+\s+)?(?:ngomong|bilang|"
    r"bicara)\w*\s+(?:begitu|gitu|kayak gitu|seperti itu)\b|\bkok\s+bawa\S*\s+(?:\S+\s+)?"
    r"(?:bapak|ibu|ortu|mama|papa|keluarga|ayah|emak)\b|\bjangan\s+ganggu\s+(?:aku|saya|gue|gw)\b|"
    r"\b(?:por que|porque|pq)\s+(?:e que\s+)?(?:(?:voce|vc|tu)\s+)?(?:(?:esta|estas|ta)\s+)?"
    r"(?:a dizer|dizendo|falando|diz|dizes|fala)\s+isso\b|\bnao\s+(?:tem|teve)\s+graca\b|"
    r"\bnao\s+(?:lhe|te)\s+fiz\s+(?:mal|nada)\b|\b(?:me deixa|deixa me)\s+em\s+paz\b|"
    r"\bque\s+(?:grosseria|falta de respeito)\b|"
    r"\bdas\s+war\s+(?:jetzt\s+|echt\s+|gerade\s+)?(?:unnotig|gemein|fies|daneben|unverschamt|"
    r"nicht nett|nicht witzig)\b|\b(?:nicht|ned|nid)\s+(?:witzig|lustig)\b|\blass\s+mich\s+"
    r"(?:einfach\s+|doch\s+)?in\s+ruhe\b|\bwas\s+soll\s+das\s*\??$"
)
# Still more of a put-down person's replies, from the writers of the ninth
# round: "i literally said hi", "what did i do to you?", "no tenías que ser
# tan grosero", "o que eu te fiz?", "mohon sopan", "ich muss mich vor dir
# nicht rechtfertigen". Most are only a protest as the message's last words:
# "no hace falta eso, gracias" and "what did i do to you? you seem sad" are not.
_END = r"\s*[.!?]*$"
PROTEST_MORE: Final = (
    # English
    r"\bi\s+(?:did ?n ?t|didnt|did not)\s+ask\s+for\s+(?:(?:this|that)" + _END + r"|your\s+"
    r"(?:opinion|input|commentary|comments)\b)|^\W*(?:(?:\w+\s+)?(?:bro|dude|man|mate|wow|ok|lol|"
    r"like)\s+)?i\s+literally\s+(?:just\s+)?said\s+(?:hi|hello|hey)"
    + _END
    + r"|\bwhat\s+(?:did|have)\s+i\s+(?:ever\s+|even\s+)?(?:do|done)\s+to\s+"
    r"(?:you|u)"
    + _END
    + r"|\bwhy\s+(?:are\s+|r\s+)?(?:you|u)\s+(?:are\s+)?talking\s+(?:to\s+me\s+)?"
    r"like\s+(?:this|that)\b|\bwas\s+that\s+(?:really\s+)?necessary" + _END + r"|"
    r"\b(?:you|u)\s+(?:dont|don t|do not|didnt|didn t|did not)\s+(?:have|need)\s+to\s+be\s+"
    r"(?:so\s+|that\s+|such\s+a\s+)?(?:rude|mean|nasty|harsh|a jerk|an ass|condescending)"
    + _END
    + r"|"
    r"\bwhy\s+so\s+(?:rude|mean|hostile|condescending)" + _END + r"|"
    r"\b(?:thats|that s|that is|that was|this is)\s+just\s+(?:mean|rude|nasty|cruel)" + _END + r"|"
    r"\b(?:you|u)\s+can\s+(?:just\s+)?disagree\s+(?:without|normally|politely)\b|"
    r"\bno\s+need\s+to\s+(?:insult|be\s+(?:rude|mean|nasty|condescending)|get\s+personal)"
    + _END
    + r"|"
    r"\bwhy\s+(?:are|r)\s+(?:you|u)\s+(?:so\s+|being\s+(?:so\s+)?)(?:condescending|"
    r"patronizing|patronising|sarcastic)\b|"
    # "you don't have to be like that", "that's not nice of you" (not "that's not
    # nice", which is also said of a story's boss)
    r"\b(?:you|u)\s+(?:dont|don t|do not)\s+(?:have|need)\s+to\s+be\s+like\s+(?:that|this)"
    + _END
    + r"|\b(?:thats|that s|that is|that was)\s+not\s+(?:very\s+)?(?:nice|kind)\s+(?:of\s+(?:you|u)|"
    r"to\s+say)" + _END + r"|"
    # Spanish: the voseo too ("no tenés que ser así", "por qué sos tan mala onda")
    r"\bno\s+tenes\s+(?:por\s+)?que\s+ser\s+(?:asi|tan\s+(?:mala\s+onda|forr[oa]|pesad[oa]))"
    + _END
    + r"|\bpor\s*que\s+(?:eres|sos)\s+(?:tan\s+)?(?:mala\s+onda|mal[oa]|pesad[oa]|forr[oa]|"
    r"odios[oa])" + _END + r"|^\W*(?:\w+\s+)?eso\s+no\s+(?:es|fue|era)\s+(?:nada\s+)?(?:necesario|"
    r"(?:lindo|amable)\s+de\s+tu\s+parte)" + _END + r"|"
    r"\bno\s+(?:tenias|tienes|tenia|tiene)\s+(?:por\s+)?que\s+ser\s+(?:tan\s+)?(?:grosero|grosera|"
    r"borde|maleducad[oa]|pesad[oa]|cruel|desagradable|cortante|odios[oa])\b"
    r"(?!\s+(?:contigo|consigo|con\s+(?:los|las|el|la)))|\bno\s+(?:tenias|"
    r"tienes)\s+(?:por\s+)?que\s+ser\s+asi" + _END + r"|\bno\s+(?:hace|hacia)\s+falta\s+(?:ser|"
    r"ponerse|ponerte)\s+(?:tan\s+(?:grosero|grosera|borde|maleducad[oa]|pesad[oa])|asi)\b|"
    r"\bno\s+hacia\s+falta\s+decir\s+eso" + _END + r"|\bpor\s*que\s+eres\s+asi" + _END + r"|"
    # "no hacía falta eso", "no hace falta ser maleducado"
    r"\bno\s+(?:hace|hacia)\s+falta\s+(?:eso|ser\s+(?:grosero|grosera|borde|maleducad[oa]|"
    r"pesad[oa]|cruel))" + _END + r"|"
    r"\bpor\s*que\s+(?:me\s+)?(?:hablas|respondes|contestas)\s+asi\b(?!\s+de\b)|\b(?:no\s+te\s+he\s+hecho|no\s+te\s+hice|que\s+te\s+he\s+hecho|que\s+te\s+hice)"
    r"(?:\s+yo)?(?:\s+nada)?" + _END + r"|"
    r"\b(?:que|q)\s+problema\s+(?:tienes|tenes)(?:\s+conmigo)?" + _END + r"|\bcual\s+es\s+tu\s+"
    r"problema" + _END + r"|"
    # Portuguese: "nossa, precisava disso?" (not the thanks "não precisava disso")
    r"(?<!\bnao\s)\bprecisava\s+(?:mesmo\s+)?disso" + _END + r"|"
    r"\bnao\s+precisava\s+(?:ser\s+(?:assim|(?:tao\s+)?(?:grosso|grossa|grosseiro|grosseira|"
    r"estupid[oa]|chat[oa]|cruel|rude))|falar\s+assim)\b(?!\s+com\s+(?:voce|vc|tu|si)\s+mesm)|\bnao\s+precisa\s+"
    r"(?:ser\s+(?:tao\s+)?(?:grosso|grossa|grosseiro|grosseira|mal\s+educad[oa]|estupid[oa])|"
    r"falar\s+assim)\b(?!\s+(?:com\s+(?:voce|vc|tu|si)\s+mesm|comigo\s+pode))|\bpor\s*que\s+"
    r"(?:tanta\s+grosseria|tanto\s+odio)" + _END + r"|\bo\s+que\s+"
    r"(?:foi\s+que\s+)?(?:eu\s+)?(?:te|lhe)\s+fiz" + _END + r"|"
    r"\b(?:voce|vc|tu)\s+nem\s+me\s+conhece" + _END + r"|\bqual\s+(?:e\s+)?(?:o\s+)?(?:seu|teu)\s+"
    r"problema" + _END + r"|"
    # "por que vc é assim comigo", "isso não foi legal da sua parte"
    r"\bpor\s*que\s+(?:voce|vc|tu)\s+(?:e|es|ta|esta)\s+assim\s+comigo\b|^\W*(?:\w+\s+)?"
    r"isso\s+nao\s+(?:e|foi)\s+(?:nada\s+)?(?:legal|gentil)\s+(?:da|de)\s+(?:sua|tua)\s+parte"
    + _END
    + r"|"
    # Indonesian
    r"\b(?:mohon|tolong)\s+(?:yang\s+)?sopan(?:\s+(?:dikit|sedikit|ya|dong))?" + _END + r"|"
    r"\byang\s+sopan\s+(?:dong|dikit|sedikit)" + _END + r"|\b(?:saya|aku|gue|gw)\s+(?:tidak|ga|gak|"
    r"nggak)\s+perlu\s+(?:dengar|mendengar|denger)\s+(?:ini|itu|kayak\s+gitu|begituan)\b|\b(?:gak|ga|nggak|tidak|ndak|gausah|"
    r"ga usah)\s+(?:usah\s+)?(?:kasar|ngegas|nyolot)(?:\s+(?:dong|deh|gitu|sih))?" + _END + r"|"
    r"\bsalah\s+(?:apa|aku\s+apa|gue\s+apa)\s+(?:aku|saya|gue|gw|sama\s+(?:kamu|lo|lu))"
    + _END
    + r"|"
    # "kok kasar sih", "kok jahat banget sih kak": why so rude
    r"\bkok\s+(?:kasar|jahat|sinis|julid|nyolot)(?:\s+(?:bgt|banget|amat))?\s+(?:sih|gitu|gt)\b|"
    r"(?:^|\b(?:ih|dih|kok|sumpah)\s+)(?:jahat|kasar|sinis|julid|nyolot)\s+(?:bgt|banget|amat)\s+"
    r"(?:lo|lu|kamu|km)" + _END + r"|\bkok\s+(?:lo|lu|kamu|km|anda)\s+(?:\w+\s+)?(?:sinis|jahat|"
    r"kasar|julid|nyolot)\b|\bbisa\s+(?:gak|ga|nggak|tidak)\s+(?:\w+\s+){0,3}tanpa\s+(?:ngehina|"
    r"menghina|ngatain)\b|"
    # German: "das ist nicht nett von dir"
    r"\bdas\s+(?:ist|war)\s+(?:echt\s+|aber\s+)?nicht\s+(?:sehr\s+)?nett\s+von\s+dir" + _END + r"|"
    # German
    r"\bich\s+muss\s+mich\s+(?:vor|bei)\s+(?:dir|ihnen)\s+nicht\s+rechtfertigen\b|"
    r"\bwas\s+(?:hab|habe)\s+ich\s+(?:dir|ihnen)\s+(?:denn\s+)?getan" + _END + r"|\bwas\s+stimmt\s+"
    r"(?:denn\s+)?nicht\s+mit\s+(?:dir|ihnen)"
    + _END
    + r"|\bgeht\s*s?\s+(?:auch\s+)?(?:freundlicher|"
    r"netter|hoflicher)"
    + _END
    + r"|\bkein\s+grund\s+(?:so\s+)?(?:unhoflich|gemein|frech|beleidigend)"
    r"\s+zu\s+(?:sein|werden)\b|\b(?:du\s+)?musst\s+(?:nicht|net)\s+so\s+(?:gemein|fies|"
    r"unfreundlich)\s+(?:zu\s+mir\s+)?sein"
    + _END
    + r"|\bdass\s+du\s+so\s+(?:mit\s+mir\s+)?reden\s+"
    r"musst\b|\bdu\s+bist\s+(?:echt\s+|total\s+|so\s+|sehr\s+)?(?:unangenehm|herablassend|"
    r"arrogant)\b|\bbist\s+du\s+immer\s+so\s+(?:herablassend|gemein|fies|arrogant|unfreundlich)\b|"
    r"\bwie\s+(?:arrogant|gemein|fies|herablassend|unverschamt|respektlos)\s+kann\s+man\s+sein\b|"
    r"\bdas\s+ist\s+(?:echt\s+|voll\s+|total\s+|so\s+)?(?:gemein|fies)(?:\s+von\s+dir)?"
    + _END
    + r"|"
    # English: "what is wrong with you", "condescending much?"
    r"\bwhat\s+is\s+wrong\s+with\s+(?:you|u)\b|\b(?:wtf|what\s+the\s+(?:hell|fuck|heck))\s+is\s+"
    r"(?:your|ur)\s+problem\b|^\W*(?:\w+\s+)?(?:rude|condescending|mean|"
    r"arrogant|creepy|toxic|bitter|pretentious|smug)\s+much" + _END + r"|"
    # Spanish, Portuguese, Indonesian: "¿en serio me estás diciendo esto?",
    # "qué grosero", "que grosso", "kok tega"
    r"\b(?:en\s+serio\s+)?me\s+(?:estas|esta)\s+diciendo\s+(?:esto|eso)\b|^\W*(?:que|q)\s+"
    r"(?:grosero|grosera|maleducad[oa]|borde|pesad[oa])" + _END + r"|^\W*(?:que|q)\s+(?:grosso|"
    r"grossa|arrogante|grosseir[oa])" + _END + r"|\bkok\s+tega\b|\btega\s+(?:banget|bgt|amat)\s+"
    r"(?:lu|lo|kamu|km)\b"
)


# What may open a whole-message "nobody asked": "ok but", "lol", "???".
_ASKED_LEAD = (
    r"^\W*(?:(?:ok|okay|lol|and|but|bro|dude|um|well|literally|sorry but|ok but|and yet)\W+)?"
)
# Telling the partner to shut up or go away: rude, and between friends
# ("cállate jajaja", "halt die klappe lol") banter. Alone under the
# harassment threshold; with laughter teasing.
DISMISSALS: Final = (
    r"\b(?:callate|cierra (?:la|el|tu) (?:boca|hocico|pico)|tutup mulut(?:mu)?|diem lu|"
    r"diam kau|diem lo|(?:cala|calem) (?:a )?boca|cale a boca|some daqui|"
    r"halt (?:die|deine|dein) klappe)\b|"
    # "nobody asked": the whole message ("we had a q&a and no one asked" is not)
    + _ASKED_LEAD
    + r"(?:(?:nobody|no one|noone)\s+asked(?:\s+(?:you|u|tho|though|bro|mate)){0,2}|"
    r"(?:nobody|no one|noone)\s+asked\s+for\s+(?:your|ur)\s+(?:opinion|input|life story)"
    r"(?:\s+(?:tho|though|bro|mate))?|who\s+(?:tf|the\s+fuck|even|tf\s+even)\s+asked"
    r"(?:\s+(?:you|u|tho|though|bro))?|did\s+i\s+ask\s*\?)\s*[.!?]*$|"
    r"^\W*(?:(?:y|pues|ok|jaja)\W+)?(?:nadie\s+te\s+(?:ha\s+)?(?:pregunto|preguntado|pidio)"
    r"(?:\s+nada|\s+tu\s+opinion)?|nadie\s+pregunto|quien\s+te\s+pregunto)\s*[.!?]*$|"
    r"^\W*(?:(?:e|mas|ok|kkk+)\W+)?(?:ninguem\s+(?:te\s+)?perguntou(?:\s+nada)?|quem\s+(?:te\s+)?"
    r"perguntou)\s*[.!?]*$|\bninguem\s+(?:te\s+)?perguntou\s+(?:a\s+)?(?:sua|tua)\s+opiniao\b|"
    r"^\W*(?:(?:lah|ya|dih|wkwk\w*)\W+)?(?:(?:gak|ga|nggak|tidak|ngga)\s+ada\s+(?:yang|yg)\s+"
    r"(?:nanya|tanya|minta)|siapa\s+(?:yang|yg)\s+nanya)\s*[.!?]*$|"
    r"\b(?:yang|yg)\s+minta\s+(?:lo|lu|kamu|km)\s+(?:cerita|ngomong|komen)\b|"
    r"^\W*(?:(?:und|ja|alter)\W+)?(?:(?:keiner|niemand)\s+hat\s+dich\s+gefragt|wer\s+hat\s+dich\s+"
    r"gefragt|hat\s+dich\s+(?:jemand|wer|einer)\s+gefragt)\s*[.!?]*$"
)
# Harm wished on the partner ("i hope you step on a lego every morning",
# "ojalá te pudras", "tomara que se ferre", "semoga lo keracunan",
# "hoffentlich stolperst du"): hostile, under the harassment threshold
# alone, teasing with laughter. Only harm that has no
# kind reading ("hope you trip" is a journey, "ojalá te quiten el yeso" a
# cast, "semoga kamu jatuh cinta" love, "... de risa" laughter).
_NOT_KIND = r"(?!\s+(?:du\s+)?(?:of|from|with|de|do|da|vor|in\s+monopoly)\b)"
WISHED_HARM: Final = (
    r"\b(?:i\s+)?hope\s+(?:you|u|ya)\s+(?!(?:\w+\s+){0,2}?(?:dont|don t|didnt|didn t|never|wont|"
    r"won t|not|no)\b)(?:\w+\s+){0,2}?(?:step\s+on\s+a\s+lego|trip\s+and\s+(?:fall|break)|"
    r"choke\s+on\s+(?:it|that|your|ur)|get\s+hit\s+by\s+a\s+(?:bus|car|truck|train)|"
    r"get\s+run\s+over|rot\s+in\s+hell|lose\s+everything\s*[.!]*$|cry\s+yourself\s+to\s+sleep|"
    r"fail\s+(?:your|ur|every|miserably|at\s+life)|die(?:\s+(?:alone|slowly|painfully|in\s+a\s+"
    r"fire))?\s*[.!]*$)" + _NOT_KIND + r"|"
    r"\bojala\s+(?:que\s+)?(?:te\s+)?(?:mueras|revientes|pudras|atropelle\s+un|caiga\s+un\s+rayo|"
    r"parta\s+un\s+rayo|pase\s+algo\s+malo)\b" + _NOT_KIND + r"|\bespero\s+que\s+te\s+(?:mueras|"
    r"pudras)\b" + _NOT_KIND + r"|\bespero\s+que\s+(?:voce|vc|tu)\s+(?:morra|se\s+ferre|se\s+"
    r"lasque)\b" + _NOT_KIND + r"|"
    r"\btomara\s+que\s+(?:(?:voce|vc|tu)\s+)?(?!(?:\w+\s+){0,2}?(?:nao|ninguem|nunca|ele|ela|"
    r"eles|elas|esse|essa|isso)\b)(?:\w+\s+){0,2}?(?:tropece\s+e|morra|se\s+de\s+mal|se\s+"
    r"ferre|se\s+lasque|fracasse|seja\s+demitid[oa])\b" + _NOT_KIND + r"|"
    r"\b(?:semoga|mudah\s+mudahan|moga\s+moga)\s+(?:lo|lu|elo|kamu|km|anda|kau)\s+(?!(?:\w+\s+)"
    r"{0,2}?(?:gak|ga|tidak|nggak|enggak|engga|ngga|jangan)\b)(?:\w+\s+){0,2}?(?:kesandung|"
    r"keracunan|sial|mati(?!\s+lampu)|celaka|kecelakaan|ketabrak|ditabrak|dipecat|kena\s+azab|"
    r"mampus|modar)\b|"
    r"\bhoffentlich\s+(?!.*\b(?:nicht|nie|kein)\b)(?:\w+\s+){0,3}?(?:stolperst|stirbst|"
    r"verreckst|erstickst|wirst\s+du\s+(?:gefeuert|uberfahren))\b"
    + _NOT_KIND
    + r"|\bich\s+hoffe\s+"
    r"du\s+(?:stirbst|verreckst)\b" + _NOT_KIND + r"|"
    # Told not to exist, or to vanish as a favour to all: "people like you
    # shouldnt exist", "desaparecé del mundo",
    # "orang kayak lu gak pantes idup", "mending lo ilang aja", "Leute wie du
    # sollten nicht existieren", "mach allen einen Gefallen und verschwinde".
    # Not a favour alone: "le harías un favor a todos yéndote a dormir".
    r"\b(?:people|ppl|someone|somebody|guys|ppls)\s+like\s+(?:you|u|yuh)\s+(?:should\s+not|"
    r"shouldnt|shouldn\s+t|dont\s+deserve\s+to|don\s+t\s+deserve\s+to)\s+(?:even\s+)?(?:exist|"
    r"live|be\s+alive|breathe)\b|\b(?:you|u|yuh)\s+(?:should\s+not|shouldnt|shouldn\s+t|dont\s+"
    r"deserve\s+to|don\s+t\s+deserve\s+to)\s+(?:even\s+)?(?:exist|be\s+alive|breathe)\b|"
    r"\bdesaparec(?:e|é|é)\s+(?:del\s+mundo|de\s+este\s+mundo|de\s+la\s+faz\s+de\s+la\s+tierra)\b|"
    r"\b(?:gente|personas)\s+como\s+(?:tu|vos|usted)\s+no\s+(?:deberia|deberian|merece|"
    r"merecen)\s+(?:ni\s+)?(?:existir|vivir)\b|"
    r"\b(?:gente|pessoas?)\s+como\s+(?:voce|vc|tu)\s+nao\s+(?:deveria|deviam|merece|merecem)\s+"
    r"(?:nem\s+)?(?:existir|viver)\b|\b(?:seria|ia\s+ser)\s+melhor\s+(?:pra|para)\s+(?:todo\s+"
    r"mundo|todos)\s+se\s+(?:voce|vc|tu)\s+(?:sumisse|morresse|nao\s+existisse)\b|"
    r"\b(?:kayak|kaya|seperti)\s+(?:lu|lo|kamu|elo|kau|anda)\s+(?:gak|ga|tidak|nggak|ngga|tak)\s+"
    r"(?:pantes|pantas|layak)\s+(?:idup|hidup)\b|\bmending\s+(?:lo|lu|kamu|elo|kau)\s+"
    r"(?:ilang|hilang|lenyap|mati|mampus)\s+(?:aja|saja)\b|"
    r"\b(?:leute|menschen|typen)\s+wie\s+du\s+(?:sollten|sollte|durften)\s+(?:gar\s+)?nicht\s+"
    r"(?:existieren|leben|geboren\s+werden)\b|\bmach\s+(?:allen|uns\s+allen|der\s+welt)\s+"
    r"(?:nen|einen|n)\s+gefallen\s+und\s+(?:verschwinde|stirb|hau\s+ab|geh)\b"
)
# Self-harm urged, in more words than "kys": "you might consider ending
# it all", "the world would manage perfectly well without you", "deberías
# quitarte la vida", "akhiri saja hidupmu", "você deveria se matar", "du
# solltest dich umbringen", "nobody would notice if you were gone". Not
# "the world would be worse without you", nor "matarte a estudiar".
_WELL_WITHOUT = (
    r"(?:manage|cope|survive|get\s+by|go\s+on|carry\s+on|do|be|turn|keep\s+spinning)\s+"
    r"(?:(?:just|perfectly|totally|absolutely|completely)\s+)?(?:fine|well|ok|okay|alright)?\s*"
)
SELF_HARM_URGED: Final = (
    # English
    r"\b(?:you|u|ya)\s+(?:should|could|might|ought\s+to|need\s+to|gotta|can)\s+(?:just\s+|"
    r"really\s+|seriously\s+|honestly\s+)?(?:consider\s+|think\s+about\s+|go\s+)?(?:end(?:ing)?\s+"
    r"(?:your|ur)\s+(?:own\s+)?life|end(?:ing)?\s+it\s+all|kill(?:ing)?\s+(?:yourself|urself|"
    r"your\s+self)|off(?:ing)?\s+(?:yourself|urself))\b|\b(?:maybe|perhaps|just|pls|please|go)\s+"
    r"(?:just\s+)?(?:end\s+(?:your|ur)\s+(?:own\s+)?life|end\s+it\s+all)\b|"
    r"\bthe\s+world\s+(?:would|will|d|could)\s+(?:" + _WELL_WITHOUT + r")without\s+(?:you|u)\b|"
    r"\b(?:the\s+)?world\s+(?:doesnt|does\s+not|doesn\s+t)\s+need\s+(?:you|u|people\s+like\s+"
    r"(?:you|u))\b|"
    # Spanish
    r"\b(?:deberias|tendrias\s+que|tenes\s+que|tienes\s+que|mejor|por\s*que\s+no)\s+(?:te\s+)?"
    r"(?:quitarte\s+la\s+vida|quitas\s+la\s+vida|quitate\s+la\s+vida|suicidarte|suicidas|"
    r"matarte|matas)\b(?!\s+(?:a|de|estudiando|trabajando|con|por)\b)|\bquitate\s+la\s+vida\b|"
    r"\bacaba\s+con\s+tu\s+(?:propia\s+)?vida\b|\bel\s+mundo\s+no\s+(?:perderia|notaria|"
    r"echaria de menos)\s+nada\b|\bthe\s+world\s+(?:would|wouldnt|wouldn\s+t)\s+(?:lose|miss)\s+"
    r"(?:nothing|anything)\s+(?:if|without)\b|\bel\s+mundo\s+(?:estaria|seria|iria|seguiria|"
    r"funcionaria)\s+(?:igual|bien|perfectamente|perfecto|tranquilo)(?:\s+\w+)?\s+sin\s+"
    r"(?:ti|vos|usted)\b|\bnadie\s+(?:lo\s+|se\s+)?(?:notaria|notaria|va\s+a\s+notar|daria\s+"
    r"cuenta|echaria\s+en\s+falta)(?:\s+\w+)?\s+si\s+(?:te\s+|tu\s+|vos\s+)?(?:desaparec|"
    r"murier|mueres|no\s+estuvier|te\s+fueras|te\s+vas)|\bnadie\s+(?:notaria|notara|va\s+a\s+"
    r"notar)\s+tu\s+ausencia\b|\bnadie\s+te\s+echaria\s+en\s+falta\b|"
    # Indonesian
    r"\b(?:akhiri|akhirin|sudahi|udahin)\s+(?:saja\s+|aja\s+)?hidup(?:mu|\s+kamu|\s+lu|\s+lo|"
    r"\s+anda|\s+kau)\b|\b(?:mending|lebih\s+baik|sebaiknya|mendingan)\s+(?:kamu|lu|lo|kau|"
    r"anda|elo)\s+(?:bunuh\s+diri|akhiri\s+hidup|gantung\s+diri)\b|\b(?:kalau|kalo|jika|"
    r"klo)\s+(?:kamu|lu|lo|anda|kau|elo)\s+(?:\S+\s+){0,3}?(?:ga|gak|nggak|tidak|tak)\s+"
    r"(?:akan\s+|bakal\s+|bakalan\s+)?ada\s+(?:yang|yg)\s+(?:\S+\s+)?(?:peduli|kehilangan|"
    r"nyariin|sadar|nangis)\b|"
    # Portuguese
    r"\b(?:voce|vc|tu|ce)\s+(?:deveria|devia|devias|podia|poderia|tinha\s+que|tem\s+que)\s+"
    r"(?:\w+\s+)?(?:se\s+matar|te\s+matar|acabar\s+com\s+(?:a\s+)?(?:sua|tua)\s+vida)\b|"
    r"\b(?:acaba|acabe)\s+com\s+(?:a\s+)?(?:sua|tua)\s+(?:propria\s+)?vida\b|\bninguem\s+"
    r"(?:ia|vai|iria)\s+(?:nem\s+)?(?:notar|perceber|ligar)(?:\s+\w+)?\s+se\s+(?:voce|vc|tu)\s+"
    r"(?:sumisse|morresse|desaparecesse|se\s+matasse)\b|\bo\s+mundo\s+(?:seguiria|ficaria|"
    r"estaria|continuaria|iria)\s+(?:\w+\s+){0,2}?(?:bem|igual|otimo|normal)\s+sem\s+(?:voce|"
    r"vc|ti|tu)\b|"
    # German
    r"\b(?:du\s+)?(?:solltest|sollst|konntest|koenntest|kannst|musst)\s+dich\s+(?:\w+\s+)?"
    r"(?:umbringen|erhangen|erhaengen|toten|toeten|vor\s+(?:einen|den)\s+zug\s+werfen)\b|"
    r"\bgeh\s+dich\s+(?:umbringen|erhangen)\b|\bdie\s+welt\s+(?:kame|kaeme|wurde|wuerde|wird)\s+"
    r"(?:\w+\s+){0,3}?(?:gut|prima|bestens|super|problemlos)\s+ohne\s+dich\s+(?:aus|klar|"
    r"zurecht|weiter)\b|\b(?:niemand|keiner)\s+(?:wurde|wuerde|wird)\s+(?:es\s+)?(?:merken|"
    r"bemerken|auffallen)\s+(?:wenn|falls)\s+du\s+(?:weg|tot|nicht\s+mehr|verschw)"
)
# Condescension in set phrases: "do you need me to use smaller words", "quer
# que eu desenhe?", "perlu gue jelasin pake gambar?", "no wonder your
# girlfriend left you": contempt without a
# put-down word; an offer meant kindly goes on ("... i love drawing"), so
# most are the message's last words.
CONDESCENSION: Final = (
    r"\b(?:you|u)\s+need\s+me\s+to\s+use\s+smaller\s+words\s*[.!?]*$|\bte\s+lo\s+(?:explico|"
    r"dibujo)\s+con\s+dibujitos\s*[.!?]*$|\bquer\s+que\s+eu\s+desenhe(?:\s+(?:pra|para)\s+"
    r"(?:voce|vc|tu)\s+entender)?\s*[.!?]*$|\bperlu\s+(?:gue|gw|aku|saya)\s+jelasin\s+pake\s+"
    r"gambar\s*[.!?]*$|\bkasian\s+deh\s+(?:lo|lu|loe|elo)\s*[.!?]*$|\bsoll\s+ich\s+(?:es\s+|dir\s+|"
    r"das\s+)*(?:aufmalen|aufzeichnen)\s*[.!?]*$|"
    # "no wonder your girlfriend left you", "i can see why she dumped you"
    r"\b(?:i\s+can\s+see|i\s+see|no\s+wonder|now\s+i\s+know)\s+why\s+(?:she|he|they|your\s+"
    r"(?:wife|husband|gf|bf|girlfriend|boyfriend|ex))\s+(?:left|dumped|cheated\s+on)\s+(?:you|u)\b|"
    r"\bno\s+wonder\s+(?:your|ur)\s+(?:wife|husband|gf|bf|girlfriend|boyfriend|ex)\s+(?:left|"
    r"dumped|cheated\s+on)\s+(?:you|u)\b"
)
# Profane dismissals ("vete a la mierda", "vai se foder", "fick dich"): an
# insult at the partner, unless laughed off.
PROFANE_DISMISSALS: Final = (
    r"\b(?:vete a la (?:mierda|verga|vrg|chingada|goma)|vete al carajo|andate a la (?:mierda|"
    r"chucha|xuxa|concha de tu madre)|jodete|vai (?:se|te) (?:foder|fuder|ferrar|lascar)|"
    r"vai (?:a|pra|pro|para a|para o) (?:merda|puta que (?:te )?pariu|caralho)|vai tomar no "
    r"cu|vtnc|vsf|tnc|verpiss dich|fick dich|leck mich|halt (?:die|deine|dein|das) "
    r"(?:fresse|maul|schnauze|goschn|gosch|goschen)|halts maul|bacot (?:lo|lu|loe|lu|kau)|"
    # sent to cry to their mother
    r"go (?:cry|crying|cry home|whine) (?:back )?to (?:your|ur) (?:mum|mom|mommy|"
    r"mummy|mama|mam|ma)|(?:ve|vete|anda|andate) a llorar(?:le)? a (?:tu|su) (?:mami|mama|madre|"
    r"mamita)|vai chorar (?:pra|para|pro|no colo da) (?:sua|tua|a sua|a tua) (?:mae|mamae|"
    r"mainha)|"
    r"(?:sana )?(?:nangis|ngadu) (?:sana )?(?:ke|sama|ama) (?:mama|emak|nyokap|ibu) ?(?:lo|lu|mu|"
    r"kamu)|geh (?:doch )?(?:zu deiner|zu deine|zu|zur) (?:mama|mami|mutti|mutter) "
    r"(?:heulen|weinen|flennen)|geh (?:doch )?(?:heulen|weinen|flennen) (?:zu deiner|zu deine|zu|"
    r"zur) (?:mama|mami|mutti|mutter)|"
    # "go back to your country", in each language: aimed at who the partner is
    r"go back to (?:your|ur) (?:own )?(?:country|village|jungle|desert|farm|land)|go back "
    r"(?:to )?where (?:you|u) came from|(?:vuelve|volveos|volve|vuelvete|regresa|regresate|"
    r"andate|vete|largate|anda) (?:te )?(?:a|pa|para) (?:tu|vuestro|su) (?:pais|tierra|pueblo|"
    r"rancho|selva)|(?:largate|vete|andate) (?:a|pa|para) (?:tu|su) isla|"
    r"volta (?:pra|para|pro) (?:a |o )?(?:tua|sua|teu|seu) (?:terra|pais|lugar|"
    r"aldeia)|vai embora (?:pra|para) (?:tua|sua|teu|seu) (?:terra|pais)|balik (?:sana )?(?:ke )?"
    r"(?:negara|kampung|kebun|hutan)\w*(?: sawit)? (?:lo|lu|mu|kamu|km)|pulang (?:sana )?ke "
    r"(?:negara|kampung)(?:mu| lo| lu| kamu)|geh (?:zuruck |doch |halt )?(?:in|nach) (?:dein|"
    r"deinen|euer) (?:land|heimatland|dorf)|hau ab in (?:dein|euer) land|zuruck in dein land|"
    r"(?:geh|schleich di|schleich dich|hau ab|verschwind) (?:zuruck|zruck|dorthin) (?:wo|woher) "
    r"du herkommst)\b"
)
