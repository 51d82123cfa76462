"""Adverts' and link bots' words, in English, Spanish, Indonesian, Portuguese
and German: the ``promo`` detector's vocabulary.

Pattern *sources* only, written for the ``words`` form of a message, under
the same rules as :mod:`.lexicon` (linear sources, vocabulary only, no
logic or state); compiled by :class:`.patterns.Patterns`.
"""

from __future__ import annotations

from typing import Final

from passerby.safety.text.lexicon import not_after

# -- promotion and link bots ----------------------------------------------------

# An English seller speaking first: "selling ...", "i'm selling ...", not
# "someone is selling ..." (a sale reported).
_SELLER_EN = r"(?:^|\b(?:i|im|i\s+m|we|were|we\s+re)\s+(?:am\s+|are\s+)?)"

# Gift cards, the scams' currency ("$300 in Apple gift cards").
_GIFT_CARDS = (
    r"(?:gift ?cards?|tarjetas? de regalo|cartoes? (?:google play|apple|steam|presente)|"
    r"cartoes? de presente|kartu hadiah|geschenkkarten?|gutscheinkarten?|itunes cards?|"
    r"apple cards?|google play cards?|steam cards?)"
)

# Each row scores on its own: selling, money, free goods, adult promotion,
# sending the stranger to a page or a channel.
PROMO: Final = (
    (
        # The romance scam's ask: money for a flight, a visa, customs or a
        # blocked account ("ich brauche 2.000€ für den Flug", "necesito 800
        # dólares para la aduana", "preciso de 500 euros pro visto").
        r"\b(?:i need|i just need|need|necesito|solo necesito|preciso|preciso de|ich brauche|"
        r"brauche|aku butuh|saya butuh|butuh|saya perlu|aku perlu)\s+(?:\S+\s+){0,3}?"
        r"\d[.,]?\d\d[\d.,]*\s*(?:k|usd|dollars?|dolares|euros?|eur|reais|pesos|rb|ribu|juta|jt)?\s+(?:for|para|"
        r"pro|pra|fur|untuk|buat)\s+(?:the|a|my|el|la|mi|o|a|meu|minha|den|die|das|meinen|"
        r"tiket|ongkos)?\s*(?:flight|plane ticket|visa|customs|release fee|vuelo|"
        r"boleto de avion|visado|aduana|passagem aerea|voo|visto|alfandega|flug|flugticket|visum|"
        r"zoll|tiket pesawat|pesawat|bea cukai)\b",
        0.85,
        "kind=scam",
    ),
    (
        # ...paid in gift cards for papers, a fee the stranger must pay for a
        # parcel or a transfer, or money repaid double
        r"\b(?:need|needs|send|buy|get me|necesito|manda|mandame|compra|comprame|preciso|"
        r"precisas|kirim|beliin|butuh|brauche|schick|kauf)\s+(?:\S+\s+){0,4}?"
        rf"{_GIFT_CARDS}\b(?:\s+\S+){{0,6}}?\s+(?:for|para|pra|"
        r"untuk|buat|fur)\s+(?:\S+\s+){0,2}?(?:leave|papers|paperwork|papeles|papelada|dokumen|"
        r"documents|papiere|unterlagen|flight|vuelo|voo|flug|ticket|passagem|tiket|visa|visado|"
        r"visto|visum|customs|aduana|alfandega|zoll|bea cukai)\b|"
        r"\b(?:(?:you only need to|you just need to|you need to|you have to|solo debes|debes|"
        r"tienes que|tenes que|precisas de|tens de|so precisa de|precisa|kamu harus|"
        r"kamu cuma perlu|anda harus|du musst|sie mussen)\s+(?:\S+\s+){0,2}?(?:pagar|"
        r"pay(?!\s+attention)|bayar|zahlen|transferir|transfer)|que pagues|que pague)\b"
        r"(?:\s+\S+){0,3}?\s+\d\S*(?:\s+\S+){0,3}?\s+(?:impuesto|"
        r"impuestos|release fee|activation fee|taxa|biaya|gebuhr|comision|comissao)\b|"
        r"\bbea cukai minta (?:biaya|bayar|uang)\b",
        0.85,
        "kind=scam",
    ),
    # Money for nothing, loans, investment with a call to act.
    (
        r"\b(?:earn|make|making|gana|ganar|ganhe|ganhar|verdiene|verdienen|dapatkan|"
        r"dapetin|hasilkan|raup)\s+(?:(?:up to|hasta|ate|bis zu|sampai|over|mas de|mais de|"
        r"k|usd|dollars?|euros?|reais|rb|ribu|juta|jt)\s+){0,2}(?:easy|fast|quick|extra|"
        r"real|big|\d+\w*|facil|rapido|schnell|leicht|cepat|mudah)\s+(?:(?:k|usd|dollars?|"
        r"euros?|reais|rb|ribu|juta|jt)\s+)?(?:money|cash|dinero|plata|dinheiro|grana|geld|"
        r"uang|duit|cuan|income|ingresos|renda)\b|\b(?:earn|make|gana|ganar|ganhe|ganhar|"
        r"verdiene|verdienen|dapatkan|hasilkan)\s+(?:money|cash|dinero|plata|dinheiro|grana|"
        r"geld|uang|duit|cuan)\s+(?:from home|desde casa|em casa|de casa|von zuhause|von zu "
        r"hause|dari rumah|online|fast|facil|rapido|schnell|cepat|mudah|daily|diario|every "
        r"day|todos los dias|todo dia|jeden tag|tiap hari|setiap hari|sin salir|sem sair)\b|"
        # an amount per day or week made from home or a phone
        r"\b(?:earn|make|gana|ganhe|ganha|verdiene|dapatkan|hasilkan)\s+(?:\S+\s+){0,2}?\d+\w*\s+"
        r"(?:\S+\s+){0,3}?(?:day|dia|hari|tag|week|semana|minggu|woche|month|mes|bulan|monat)\b"
        r"(?:\s+\S+){0,2}?\s+(?:from home|desde casa|em casa|de casa|von zuhause|von zu hause|"
        r"dari rumah|from (?:your|ur) phone|desde tu (?:celular|movil)|pelo celular|vom handy|"
        r"dari hp)\b|"
        r"\b(?:passive income|extra income|renda extra|ingresos extra|dinero facil|"
        r"dinheiro facil|schnelles geld|uang cepat|nebenverdienst|penghasilan tambahan|"
        r"get rich)\b"
        # ...not disparaged: "all I find is get rich quick rubbish", "passive income scams"
        r"(?!\s+(?:quick\s+)?(?:rubbish|scams?|schemes?|nonsense|garbage|crap|bs|bullshit)\b)",
        0.9,
        "kind=money",
    ),
    (
        r"\b(?:loans?|prestamos?|emprestimos?|pinjaman|pinjol|kredite?|creditos?)\s+"
        r"(?:(?:are|is|r|son|sao|ist|sind)\s+)?(?:approved|aprobados?|aprovados?|cepat|instan|"
        r"sofort|rapidos?|online|tanpa|sin|sem|ohne|fast|instant|instantly|easy|"
        r"available|disponibles?|disponiveis)\b|\bneed (?:money|cash|a loan)\b",
        0.85,
        "kind=loan",
    ),
    (
        r"\b(?:crypto|bitcoin|btc|eth|usdt|forex|binary options|nft|nfts|airdrop|"
        r"kripto|cripto|criptomonedas?|criptomoedas?|krypto|investasi|inversion|"
        r"investimento|investment|trading)\b(?:\s+\w+){0,6}?\s+(?:platform|plataforma|"
        r"plattform|signals?|sinyal|group|grupo|gruppe|grup|guaranteed|garantiert|garantid[oa]|"
        r"garantizad[oa]|dijamin|profits?|lucro|ganancias?|gewinne?|untung|returns?|"
        r"rendimiento|rendimento|double|doble|dobro|verdoppeln|join|unete|entre|"
        r"tritt|gabung|opportunity|oportunidad|oportunidade|chance|peluang|dm me|"
        r"message me|escribeme|me chama|schreib mir|chat aku)\b",
        0.9,
        "kind=crypto",
    ),
    # Adult promotion: paid content, cam sites, "singles in your area".
    (
        r"\b(?:onlyfans|fansly|manyvids|chaturbate|camgirls?|cam girls?|live cams?|"
        r"webcam shows?|cam shows?|private shows?|shows? privados?|premium snap|"
        r"snap premium|my of|mi of|meu of|link do of)\b|\b(?:singles|girls|women|milfs|"
        r"chicas|mujeres|solteras|garotas|mulheres|cewek|cewe|frauen|madchen|singles)\s+"
        r"(?:in|near|en|na|no|perto|di|aus|in der|cerca)\s+(?:(?:your|ur|tu|sua|da|deiner|"
        r"dekat|de tu|kamu)\s+)?(?:area|zona|regiao|cidade|ciudad|gegend|nahe|nahe|sekitar|"
        r"kota|kotamu|umgebung|nahe)\b|(?<!many )(?<!viele )(?<!muchas )(?<!muitas )(?<!banyak )"
        r"\b(?:singles|girls|women|milfs|chicas|mujeres|solteras|"
        r"garotas|mulheres|cewek|cewe|frauen)\s+(?:in|en|na|no|di|aus)\s+(?:your|ur|tu|sua|"
        r"deiner|kotamu)\s+(?:city|town|stadt|ciudad|cidade|kota)\b",
        0.9,
        "kind=adult",
    ),
    (
        r"\b(?:selling|sell|sells|vendo|vendiendo|venda|vende|vendendo|verkaufe|"
        r"verkauf|jual|dijual|jualan|open)\s+(?:(?:my|mis|meus|minhas|meine|mein|some|"
        r"hot|private|privad[oa]s?|privates?)\s+){0,2}(?:nudes|pics|content|pack|packs|"
        r"contenido|fotos|videos|vids|conteudo|bilder|vcs|bo|konten|videos?)\b|"
        r"\b(?:add|dm|message|msg|text|hmu|follow|subscribe|sub|agregame|escribeme|"
        r"me chama|me add|me adiciona|schreib mir|adde mich|add aku|chat aku|dm aku)\s+"
        r"(?:me\s+)?(?:for|para|pra|fur|untuk|buat|por)\s+(?:(?:my|mis|meus|minhas|meine|"
        r"free|hot|more|mas|mais|mehr|some)\s+)?(?:nudes|pics|more|fun|content|prices|"
        r"rates|pack|packs|contenido|fotos|conteudo|bilder|videos|vids|vcs|nudez)\b",
        0.9,
        "kind=selling",
    ),
    (
        r"\b(?:dm|message|msg|text|hmu|contact|inbox|whatsapp|wa)\s+me\b[^?]{0,30}?\bfor\s+"
        r"(?:the\s+|my\s+|more\s+)?(?:secret|method|tips|signals|details|info|prices|offer|"
        r"deal|deals|rates|menu|price list|link)\b",
        0.85,
        "kind=selling",
    ),
    # Sending the stranger to a page or a channel of the sender's.
    (
        r"\b(?:check out|check|visit|see|look at|sub to|subscribe to|follow|like|join|mira|"
        r"visita|suscribete a|suscribanse a|sigue|segue|siga|confere|confira|acesse|"
        r"da uma olhada no|schau dir|schaut euch|folgt|folge|abonniere|abonniert|kunjungi|"
        r"cek|mampir ke|subscribe|sub)\s+(?:out\s+)?(?:(?:me on|my|mi|mis|meu|minha|meine|"
        r"meinen|mein|our|nuestro|nosso|unseren|unser|channel|kanal|akun|dem)\s+){1,2}(?:\w+\s+)?"
        r"(?:page|profile|channel|canal|perfil|kanal|seite|insta|instagram|tiktok|youtube|yt|"
        r"twitch|stream|onlyfans|bio|link|store|shop|tienda|loja|server|group|grupo|gruppe|"
        r"grup|akun|site|sitio|website|blog|podcast)\b",
        0.85,
        "kind=page",
    ),
    (
        r"\b(?:follow|sigueme|siganme|sigame|me sigue|me segue|segue eu|me sigam|folg mir|"
        r"folgt mir|follow aku|follow akun)\s+(?:me\s+)?(?:on|en|no|na|auf|di)\s+(?:insta\w*|"
        r"ig|tiktok|tik tok|twitter|twitch|youtube|yt|facebook|fb|kick)\b|\blink\s+(?:in|en|"
        r"na|no|im|di)\s+(?:my\s+|mi\s+|minha\s+|meiner\s+)?bio\b|\b(?:promo|discount|"
        r"referral|invite|rabatt|descuento|desconto|kode|codigo)\s*(?:code|codigo|kode|"
        r"promo|de descuento|de desconto)\b|\b(?:use|usa|use o|nutze|pakai)\s+(?:my|mi|meu|"
        r"meinen)\s+(?:code|codigo|kode|cupom|cupon)\b|\b(?:click|clique|klick|klik|haz clic|"
        r"clica|tap)\s+(?:here|aqui|aca|hier|disini|di sini|(?:on\s+|en\s+|no\s+)?(?:the|this|"
        r"my|el|este|o|este|den|diesen)\s+link|link|below|abajo|abaixo|unten)\b",
        0.85,
        "kind=cta",
    ),
    (
        r"\bcheap\s+(?:watches|meds|pills|viagra|followers|likes|rolex|rolexes)\b|"
        r"\b(?:viagra|cialis)\b|\b(?:giveaway|sorteo|sorteio|gewinnspiel)\b(?:\s+\w+){0,4}?"
        r"\s+(?:link|click|clique|klick|visit|enter|entra|participa|join|dm|bio)\b|"
        r"\b(?:you|u)\s+(?:have\s+)?(?:won|win)\s+(?:a|an|the|\d+)\b|\b(?:ganaste|ganhou|"
        r"gewonnen|menang)\s+(?:un|una|um|uma|einen|eine|\d+\b(?!\s*(?:-|:|x|a)?\s*\d))\b",
        0.85,
        "kind=bait",
    ),
    # Phishing: a stranger asking for what opens an account or a card
    # ("enter your card number and the OTP", "masukkan nomor kartu, PIN dan
    # kode OTP", "introduza os dados do cartão", "geben Sie Ihre
    # Kartennummer ein"). Nobody in a chat of strangers needs these; "never
    # give anyone your OTP" (a warning) is not an ask.
    (
        not_after(
            "never",
            "dont",
            "not",
            "nunca",
            "no",
            "jangan",
            "nie",
            "niemals",
            "nao",
            "nicht",
            "keine",
        )
        + r"\b(?:enter|type in|provide|confirm|verify|update|send us|give us|introduzca|"
        r"introduciendo|introduce|ingrese|ingresa|ingresando|envienos|mandenos|proporcione|"
        r"masukkan|masukan|kirimkan|berikan|isi|isikan|introduza|introduzir|informe|digite|"
        r"geben sie|gib|eingeben|angeben|senden sie|bestatigen sie)\s+(?:\S+\s+){0,6}?"
        r"(?:card number|card details|cvv|cvc|security code|verification code|sms code|otp|"
        r"one time code|seed phrase|recovery phrase|recovery words|private key|bank login|"
        r"datos de (?:su |tu |la )?tarjeta|numero de (?:su |tu |la )?tarjeta|codigo de "
        r"(?:seguridad|verificacion)|nomor kartu|kode otp|kode verifikasi|pin atm|dados do "
        r"cartao|numero do cartao|codigo (?:de seguranca|de verificacao|mb way|sms)|"
        r"kartennummer|kartendaten|sms code|tan|sicherheitscode)\b",
        0.9,
        "kind=phishing",
    ),
)
# More of the same adverts, in forms the rows above miss: an income claimed
# per day or week ("gano 3 millones semanales desde la casa", "500€ am Tag
# verdienen", "40% al mes"), a prize won ("du hast eine PS5 gewonnen", "has
# sido elegido"), slot-gambling bots, "my private page", a discount in
# percent, "follow ig gue".
_PERIOD = (
    r"(?:a day|per day|daily|diari[oa]s?|al dia|por dia|ao dia|sehari|per hari|tiap hari|"
    r"harian|am tag|pro tag|a week|weekly|per week|semanal(?:es)?|por semana|a la semana|"
    r"seminggu|per minggu|die woche|pro woche|a month|monthly|per month|al mes|por mes|ao mes|"
    r"sebulan|per bulan|im monat|pro monat)"
)
_EARN = (
    r"(?:earn\w*|gana\w*|gano|gane|ganei|ganhei|ganho|ganha\w*|verdien\w*|dapat|dpt|"
    r"penghasilan|income|profits?|cuan|untung|lucro|rende\w*|rendimiento|keuntungan|"
    r"gewinn\w*|gwunn)"
)
# A platform that trades for you ("plataforma de inversión gestionada por
# inteligencia artificial", "KI-gestützte Handelsplattform", "platform
# trading berbasis AI", "this trading bot").
_TRADING_PLATFORM = (
    r"(?:\w*platform|\w*plataforma|\w*plattform|trading\s+bot|trading\s+app|bot\s+de\s+trading|"
    r"bot\s+trading|robo\s+de\s+(?:trading|investimento)|handelsbot|platform\s+trading|"
    r"plataforma\s+de\s+(?:inversion|investimento|trading)|aplikasi\s+trading)"
)
# Someone who takes new investors on: "mi gestora personal, Laura", "my
# account manager", "Mentor saya, Ibu Sarah", "meine Beraterin".
_HANDLER = (
    r"(?:manager|mentor|mentora|gestor|gestora|asesor|asesora|assessor|assessora|berater|"
    r"beraterin|coach|consultor|consultora|broker|analyst|analista|analis)"
)
_MESSAGING = r"(?:telegram|whatsapp|wa|tele|signal|wasap|zap|wpp|whats)"
PROMO_MORE: Final = (
    (
        # Gains claimed on a platform that trades ("he obtenido un 38 % con
        # una plataforma de inversión", "9.000 € Rendite mit einer
        # Handelsplattform", "keuntungan 25 juta lewat platform trading"), a
        # handler to write to on a messaging app, or a prize won in a draw
        # nobody entered ("you have been randomly selected as this week's
        # winner"). Talk of a scam names it (see _pitch).
        r"\b(?:obtenido|ganado|ganhei|verdient|erzielt|earned|made|memperoleh|untung|rendimiento|"
        r"rendimento|rendite|returns?|profits?|keuntungan|lucro|ganancias?)\b(?:\s+\S+){0,7}?\s+"
        r"(?:con|com|mit|with|using|lewat|"
        r"pakai|pake|via|through|por|uber|ueber|dari)\s+(?:\S+\s+){0,3}?"
        + _TRADING_PLATFORM
        + r"\b|\b"
        + _TRADING_PLATFORM
        + r"\b(?:\s+\S+){0,3}?\s+(?:gestionada|gerida|gestutzt\w*|"
        r"berbasis|basada|baseada|powered|run|driven)\s+(?:\S+\s+){0,2}?(?:ai|ia|ki|inteligencia|"
        r"kunstliche|artificial|algoritm\w*|algorithm\w*)\b|"
        r"\b(?:ai|ia|ki)\s+(?:gestutzt\w*|powered|trading|based)\s+(?:\S+\s+)?"
        + _TRADING_PLATFORM
        + r"\b|"
        r"\b"
        + _HANDLER
        + r"\b\S*(?:\s+\S+){0,14}?\s+(?:on|en|por|no|na|pelo|auf|uber|di|via|lewat|"
        r"at|a)\s+(?:\S+\s+)?" + _MESSAGING + r"\b[^@]{0,24}?@|"
        r"\b(?:escribele|escribirle|escribale|contactala|contactalo|contacte|contact|message|text|"
        r"write to|hubungi|schreib\w*|erreichen|fale com|chame|chama)\s+(?:\S+\s+){0,2}?(?:my|mi|"
        r"meu|minha|meine[rnm]?|mein|saya|aku|our|nuestr[oa])?\s*" + _HANDLER + r"\b|"
        r"\b(?:you(?:\s+have|\s+ve)?\s+been\s+(?:randomly\s+)?(?:selected|chosen|picked)|"
        r"(?:has|ha)\s+sido\s+(?:seleccionad[oa]|elegid[oa]|sortead[oa])|(?:voce|vc)\s+foi\s+"
        r"(?:selecionad[oa]|escolhid[oa]|sortead[oa])|(?:sie|du)\s+(?:wurden|wurdest)\s+"
        r"(?:zufallig\s+)?(?:ausgewahlt|ausgelost)|anda\s+(?:telah\s+)?(?:terpilih|dipilih))\b"
        r"(?:\s+\S+){0,8}?\s+(?:winners?|ganador[a]?|vencedor[a]?|gewinner\w*|pemenang|prize|"
        r"premio|preis|hadiah)\b|"
        r"\b(?:to\s+)?claim\s+(?:your|the|ur)\s+(?:prize|reward|gift|winnings|card)\b|\breclam[ae]\s+"
        r"tu\s+premio\b|\bresgat[ae]\s+(?:seu|o|teu)\s+premio\b|\bklaim\s+hadiah\w*\b|"
        r"\b(?:gewinn|preis)\s+(?:jetzt\s+)?(?:abholen|einlosen|einfordern)\b",
        0.85,
        "kind=scam",
    ),
    (
        # A scam's three asks: an amount to be paid in gift cards ("$300 in
        # Apple gift cards"), the partner's card details typed into a page
        # ("poner los datos de tu tarjeta"), a daily return promised ("der Bot
        # macht 2-3% am Tag"). A warning against them is talk (see _pitch).
        r"\b(?:need|needs|pay|send|buy|necesito|pagar|paga|preciso|brauche|zahlen|butuh|"
        r"bayar|kirim|manda|schick)\b(?:\s+\S+){0,8}?\s+\$?\s?\d[\d.,]*\s*(?:\$|usd|dollars?|"
        r"dolares|euros?|eur|reais|pesos|rb|ribu)?\s+(?:in|en|em|an|dalam|pake|via)\s+(?:\S+\s+)?"
        rf"(?:{_GIFT_CARDS}|gutscheinen?|voucher)\b|"
        r"(?<!never )(?<!dont )(?<!don t )(?<!not )(?<!nunca )(?<!no )(?<!nao )(?<!nie )"
        r"(?<!niemals )(?<!jangan )\b(?:poner|pon|pone|pones|ingresa|ingresar|introduce|"
        r"introducir|enter|put in|"
        r"type in|coloca|colocar|coloque|digita|digitar|digite|eingeben|masukkan|masukin|isi)\s+"
        r"(?:\S+\s+){0,3}?(?:datos|dados|details|daten|data|numero|number|nummer|nomor|info)\s+"
        r"(?:(?:de|da|do|der|of|von)\s+)?(?:tu|tus|sua|seu|tua|teu|your|ur|deine[rn]?|ihre[rn]?)\s+"
        r"(?:\S+\s+)?(?:tarjeta|cartao|card|karte|kreditkarte|bankkarte)\b|"
        r"(?<!never )(?<!dont )(?<!don t )(?<!not )(?<!nie )(?<!niemals )(?<!jangan )"
        r"\b(?:eingeben|gib|enter|masukkan|masukin|isi)\s+(?:\S+\s+){0,2}?(?:deine|your|ur)\s+"
        r"(?:kartendaten|card details|card number|kreditkartennummer)\b|"
        r"\bdata\s+kartu\s+(?:kredit\s+)?(?:kamu|mu|anda|lo|lu)\b|"
        r"\b(?:bot|trading|invest\w*|profit\w*|gewinn\w*|rendi\w*|lucro|ganancia|returns?|"
        r"earn\w*|makes|verdien\w*|macht|bringt|ganh\w*|gana\w*|cuan|untung)\b(?:\s+\S+){0,6}?\s+"
        r"\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?\s*(?:%|percent|prozent|por ciento|por cento|"
        r"persen)\s*(?:a|am|pro|per|al|por|ao|each|every|jeden|cada|se|tiap|setiap)?\s*(?:day|tag|"
        r"dia|hari)\b",
        0.85,
        "kind=scam",
    ),
    (
        # A profit promised ("100% guaranteed profit", "ganancias garantizadas"):
        # talk of savings accounts too, so an advert only with a call to act.
        r"\b(?:guaranteed|garantiert\w*|garantid[oa]s?|garantizad[oa]s?|"
        r"dijamin)\s+(?:\d+\s*%?\s+)?"
        r"(?:profits?|returns?|income|rendite|gewinne?|lucros?|ganancias?|rendimientos?|"
        r"rendimentos?|untung|keuntungan|earnings)\b(?!\s*\?)|\b(?:profits?|returns?|rendite|"
        r"gewinne?|lucros?|ganancias?|rendimientos?|rendimentos?|untung|keuntungan)\s+"
        r"(?:\S+\s+)?(?:guaranteed|garantiert\w*|garantid[oa]s?|garantizad[oa]s?|dijamin)\b"
        r"(?!\s*\?)",
        0.9,
        "kind=crypto",
    ),
    # A stranger's debt repaid many times over: the romance scam's promise
    # ("i will repay you triple", "devolvo em dobro", "te lo devuelvo el
    # doble", "ich zahle es dir doppelt zurück", "nanti aku ganti dua kali lipat").
    (
        r"\b(?:repay|pay)\s+(?:you|u)\s+(?:back\s+)?(?:double|triple|twice|2x|3x)\b|"
        r"\b(?:devolvo|devolverei|te devolvo|eu devolvo|pago)\s+(?:\S+\s+)?(?:em|o)\s+(?:dobro|"
        r"triplo)\b|\b(?:devuelvo|devolvere|pago)\s+(?:\S+\s+)?(?:el|al)\s+(?:doble|triple)\b|"
        r"\b(?:zahle|gebe|zahl|geb)\s+(?:(?:es|dir|ihnen|das)\s+){0,2}(?:doppelt|dreifach)\s+"
        r"zuruck\b|\b(?:kembalikan|kembaliin|ganti|balikin)\s+(?:\S+\s+)?(?:dua|tiga|2|3)\s+kali"
        r"\s+lipat\b",
        0.85,
        "kind=scam",
    ),
    # Cheats and rank boosting sold: "selling undetected aim + esp", "vendo
    # cheats", "jual cheat map hack anti banned", "faço elojob", "verkaufe
    # undetected cheats", "subo de liga de hierro a diamante".
    (
        _SELLER_EN + r"(?:selling|sell)"
        r"\s+(?:\S+\s+){0,2}?(?:undetected\s+)?(?:cheats?|hacks?|aimbots?|wallhacks?|mod\s+menu)\b|"
        r"(?<!\bdia\s)(?<!\borang\s)\b(?:vendo|vendemos|jual|jualan|verkaufe|verkaufen|dijual|"
        r"ada\s+juga)"
        r"\s+(?:\S+\s+){0,2}?(?:undetected\s+|indetectables?\s+|indetectaveis\s+)?(?:cheats?|"
        r"hacks?|aimbots?|wallhacks?|mod\s+menu|map\s+hack|cheat\s+\w+\s+hack)\b|"
        r"\b(?:undetected|indetectables?|indetectaveis|anti\s+banned|anti\s+ban)\s+(?:cheats?|"
        r"hacks?|aim\w*|aimbot|wallhack|esp)\b|\b(?:faco|fazemos|hago|hacemos)\s+elojob\b|"
        r"\b(?:subo|subimos)\s+de\s+(?:liga|rango|elo)\b|\b(?:jasa|terima)\s+joki\s+(?:rank|akun)\b",
        0.85,
        "kind=cheats",
    ),
    # Game accounts sold, cheats named before their selling point, boosting
    # as a service, a discount code: "selling cheap valorant accounts",
    # "VENDO CUENTAS FREE FIRE", "JUAL AKUN ML", "verkaufe Fortnite
    # Accounts", "aimbot + wallhack undetected", "servicio de boosteo",
    # "use code LOBBY20", "usa el código LOBBY para un 15% de descuento".
    (
        r"(?:" + _SELLER_EN + r"selling|(?<!\bdia\s)"
        # a wish to sell one's own is a person's ("gue mau jual akun")
        r"(?<!\borang\s)(?<!\bmau\s)(?<!\bpengen\s)(?<!\bingin\s)(?<!\bmo\s)"
        # nor asked of the partner or of someone ("lu ada jual akun gak?", "yg jual akun")
        r"(?<!\bada\s)(?<!\blu\s)(?<!\blo\s)(?<!\bkamu\s)(?<!\bkm\s)(?<!\byg\s)(?<!\byang\s)"
        r"(?<!\bgak\s)(?<!\bga\s)(?<!\bnggak\s)\b(?:vendo|"
        r"vendemos|jual|jualan|dijual|verkaufe|verkaufen))\s+(?:\S+\s+)"
        r"{0,3}?(?:accounts?|accs?|cuentas|contas|akun)\b|"
        r"\b(?:aimbot|wallhack|esp|cheats?|hacks?)\b(?:\s+\S+){0,3}?\s+"
        r"(?:undetected|indetectables?|indetectaveis|antiban|anti ban)\b|\b(?:servicio|servico|"
        r"jasa)\s+(?:de\s+)?(?:boosteo|boosting|boost|elojob|joki)\b|\bboosting\s+service\b|"
        r"\b(?:use|usa|usá|use o|pake|pakai|nutze|nutz)\s+(?:the\s+|el\s+|o\s+|den\s+)?(?:code|"
        r"codigo|kode|gutscheincode|rabattcode)\s+[a-z0-9]{3,}\b",
        0.85,
        "kind=cheats;sale",
    ),
    # Free goods: the bait of link bots in games and chats.
    (
        r"\b(?:free|gratis|gratuit[oa]s?|kostenlose?n?|umsonst)\s+(?:(?:\d+\w*|unlimited|"
        r"ilimitad[oa]s?|unbegrenzte?)\s+)?(?:coins|robux|vbucks|v bucks|nitro|skins?|"
        r"followers|likes|gift ?cards?|iphone|iphones|diamonds?|gems|crypto|bitcoin|"
        r"credits|tokens|subs|subscribers|views|seguidores|diamantes|monedas|moedas|"
        r"pulsa|saldo|kuota|follower|diamanten|munzen|guthaben|money|cash|dinero|"
        r"dinheiro|uang|geld)\b|\b(?:coins|robux|vbucks|nitro|skins|followers|seguidores|"
        r"diamantes|diamonds?|monedas|moedas|pulsa|saldo|kuota|follower|diamanten|munzen)"
        r"\s+(?:gratis|gratuit[oa]s?|kostenlos|umsonst|free|for free|gratuitamente)\b",
        0.9,
        "kind=free",
    ),
    (
        # An amount per day or week: ordinary talk of a wage too ("i make
        # 500 a week at the shop"), so an advert only with a call to act.
        r"\b(?:earn|make|gana|ganhe|ganha|verdiene|dapatkan|hasilkan)\s+"
        r"(?:(?:up to|hasta|ate|bis zu|sampai|over|mas de|mais de|k|usd|dollars?|euros?|"
        r"reais|rb|ribu|juta|jt)\s+){0,2}[$€£]?\d+\w*\s+(?:(?:k|usd|dollars?|euros?|reais|rb|"
        r"ribu|juta|jt)\s+)?(?:(?:a|per|al|ao|por|pro|im|am)\s+)?(?:day|dia|hari|sehari|tag|"
        r"week|semana|minggu|woche|month|mes|bulan|monat|hour|hora|jam|stunde|daily|weekly|"
        r"monthly)\b|"
        rf"\b{_EARN}\b(?:\s+\S+){{0,6}}?\s+{_PERIOD}\b|\b{_PERIOD}\b(?:\s+\S+){{0,2}}?\s+{_EARN}\b|"
        rf"\b(?:from home|desde (?:la |tu )?casa|em casa|de casa|von zuhause|dari rumah)\b"
        rf"(?:\s+\S+){{0,6}}?\s+{_EARN}\b|\b{_EARN}\b(?:\s+\S+){{0,8}}?\s+(?:from home|"
        rf"desde (?:la |tu )?casa|em casa|de casa|von zuhause|von zu hause|dari rumah)\b",
        0.85,
        "kind=money",
    ),
    (
        # (not "me has ganado", "vc me ganhou", "you won me over": won over)
        r"\b(?:du hast|you have|youve|has(?<!\bme has)(?<!\bte has)(?<!\bnos has)|voce|vc|kamu|"
        r"anda)\b(?:\s+\S+){0,4}?\s+(?<!\bme )(?<!\bnos )(?<!\bmich )(?:gewonnen|won|ganado|"
        r"ganhou|menang)\b(?!\s+(?:me over|us over|my heart|over))|"
        r"\b(?:has sido (?:elegid[oa]|seleccionad[oa])|foi "
        r"selecionad[oa]|wurdest ausgewahlt|terpilih|you (?:have been|ve been|were) selected)\b",
        0.85,
        "kind=bait",
    ),
    (
        # money repaid double: a scam's promise, or a friend's joke ("lend me 5, ill pay
        # you back double lol"): an advert's only with somewhere to go
        r"\b(?:pay (?:you )?back double|devuelvo el doble|te devuelvo el doble|devolvo(?: te)? o "
        r"dobro|te devolvo o dobro|ganti dua kali lipat|zahle (?:es |dir )?doppelt zuruck)\b",
        0.85,
        "kind=scam",
    ),
    (
        r"\b(?:slot gacor|gacor|maxwin|bonus new member|free spins|giros gratis|rodadas gratis|"
        r"freispiele)\b",
        0.85,
        "kind=gambling",
    ),
    (
        r"\b(?:my|mi|mis|minha|meu|meine|meiner|meinem)\s+(?:\w+\s+)?(?:private|privada|"
        r"privado|privat|privaten)\s+(?:page|pagina|perfil|profile|seite|account|cuenta|"
        r"conta)\b|\bhalaman pribadi\w*|\b(?:contenido|conteudo|content|inhalte?)\s*\+?18\b|"
        r"\b18\s*\+\s*(?:content|contenido|conteudo|inhalte?)\b",
        0.9,
        "kind=adult",
    ),
    (
        r"\b(?:diskon|discount|descuento|desconto|rabatt)\s*(?:de\s+|del\s+|von\s+)?\d+\s*%|"
        r"\btop ?up\s+(?:diamond|dm|uc|robux|vbucks)\w*",
        0.85,
        "kind=selling",
    ),
    (
        r"\bfollow\s+(?:ig|akun|tiktok|tt|insta)\s+(?:gue|gw|aku|ku|saya)\b",
        0.85,
        "kind=page",
    ),
)
# With a link (the ``link`` signal), these words make it an advert: "Check
# out www.hotdeals-now.biz", "Try premium at https://…". Read only once a
# link was found.
PROMO_CUE: Final = (
    r"\b(?:click|sign up|signup|register|join|free|win|"
    r"winner|won|deals?|offers?|discount|promo|cheap|earn|bonus|prize|premium|"
    r"giveaway|registrate|gratis|clique|cadastre|"
    r"klick|klik|daftar|hadiah|kostenlos|sale|buy|compra|comprar|"
    r"kaufen|beli|order|limited|money|cash|dinero|dinheiro|geld|uang|followers|subs|"
    r"subscribe|singles|sexy|exclusive|exclusivo|exklusiv|"
    # an account's or a parcel's false alarm: "verify", "pay the fee"
    r"verify|verifique|verifica|verifikasi|konfirmasi|confirm|confirme|bestatigen|"
    r"suspended|blocked|bloqueado|bloqueada|diblokir|gesperrt|fee|comision|taxa|gebuhr|biaya|"
    r"gewonnen|abholen|ganaste|ganhou|menang|"
    # the offer's words in the other languages: "60% de desconto", "oferta exclusiva"
    r"descuento|desconto|rabatt|diskon|oferta|ofertas|angebot|gratuito|gratuita|exclusiva|"
    r"exklusive|suscribete|assine|assinatura|abonnieren|abonniere|langganan)\b"
)
# Words a friend sharing a link says too ("my dad says invest in index funds",
# "is there a pizza place near you?"), an advert's beside its typography: "!",
# emoji, capitals. A dating bot's "near you", urgency, an investment.
PROMO_CUE_LOUD: Final = (
    # a false alarm shouted: "Ihr Computer ist infiziert! ... Support: <link>"
    r"\b(?:infected|infiziert|infectado|infectada|terinfeksi|trojaner|trojanern|"
    r"registrieren|anmelden|invest|invierte|investe|investasi|investieren|guaranteed|"
    r"garantizado|garantido|dijamin|garantiert|near you|near u|in your area|in ur area|cerca de "
    r"ti|en tu zona|en tu ciudad|perto de (?:voce|vc|ti)|na tua zona|na sua cidade|in deiner "
    r"(?:nahe|naehe|stadt|gegend)|dkt km|deket kamu|dekat kamu|dekat anda|di kotamu|di kota "
    r"kamu)\b|"
    # urgency: "only 5 spots left", "restam só 5 vagas", "nur noch 3 Plätze"
    r"\b(?:only|just|solo|so|apenas|nur noch|noch|hanya|cuma|tinggal)\s+\d+\s+(?:spots|places|"
    r"slots|seats|vagas|lugares|plazas|cupos|platze|plaetze|tempat|slot)\b|"
    # "plazas limitadas", "vagas limitadas", "Plätze sind begrenzt", "slot terbatas"
    r"\b(?:spots|places|slots|seats|vagas|lugares|plazas|cupos|platze|plaetze|tempat|slot|kuota)"
    r"\s+(?:(?:are|son|estan|sao|sind|sehr)\s+)?(?:limited|limitad[oa]s|begrenzt|terbatas)\b|"
    r"\b(?:bono|bonificacion|bonus)\s+de\s+bienvenida\b"
)
# An advert's words in a message that names the scam or the bot ("a bot
# here says free robux", "my aunt lost money in a crypto scam", "se pede
# senha é golpe"): talk about adverts, not one. An advert that calls itself
# "no scam", "not fake" or "100% legit" is not talk.
SCAM_TALK: Final = (
    not_after(
        "not a",
        "no",
        "not",
        "nao e",
        "no es",
        "no es una",
        "bukan",
        "kein",
        "keine",
        "nada de",
        "sem",
        "sin",
    )
    # (a trading bot that "makes 3% a day" is the advert's product, not talk of one)
    + r"\b(?:scams?|scammers?|scammed|fraud|"
    r"(?<!trading )(?<!crypto )(?<!krypto )(?<!bitcoin )(?<!cripto )(?<!kripto )(?<!forex )"
    r"bots?(?!\s+(?:macht|makes|made|earns|verdient|gana|ganha|faz|menghasilkan|trades|tradet))|golpes?|golpistas?|estafas?|estafadores?|"
    r"estafaron|fraudes?|timos?|penipuan|penipu|ditipu|betrug|betruger|abzocke|abgezockt|"
    r"phishing|mlm|pyramid scheme|piramide|got done|ripped off|conned|kena tipu|ketipu|tertipu|"
    # the offer called fake: "a fake trading platform", "agen palsu", "die Masche"
    r"fake|falsos?|falsas?|palsu|bodong|gefalscht\w*|gefaelscht\w*|masche|pig butchering|"
    r"reingelegt|betrogen|me timaron|enganaram|caiu no golpe|"
    # money lost to it: "mein Onkel hat 8000 Euro verloren", "perdió todo"
    r"verloren|verlor|lost (?:all|everything|\d\S*)|(?:perdio|perdeu|perdi|perdieron|perderam)\s+"
    r"(?:todo|tudo|\d\S*|dinero|dinheiro|plata|grana|sus ahorros|as economias)|kehilangan\s+"
    r"(?:uang|duit|\d\S*)|rugi|ilang duit|"
    # a message received, told of: "recebi link de nitro grátis", "me llegó un
    # mensaje", "i got a dm saying", "did he click the link?"
    r"recebi|received|me llego|me llegaron|me mandaron|me enviaron|bekommen|gekriegt|"
    r"(?:dapet|dapat|nerima|menerima)\s+(?:\S+\s+)?(?:link|pesan|sms|dm)|"
    # a relative's money put in: "mein Schwager hat 8.000 Euro in eine
    # Krypto-Plattform gesteckt", "my uncle put his savings in"
    r"(?:mein|meine|my|mi|meu|minha)\s+(?:\w+\s+)?(?:onkel|tante|schwager|schwagerin|bruder|"
    r"schwester|vater|mutter|cousin|cousine|uncle|aunt|brother|sister|dad|mom|mum|tio|tia|primo|"
    r"prima|hermano|hermana|cunado|cunada|irmao|irma|cunhado|cunhada|pai|mae|padre|madre)\s+"
    r"(?:\S+\s+){0,8}?(?:gesteckt|investiert|invested|put|invirtio|metio|investiu|colocou|"
    r"botou)|got (?:a|this|an) "
    r"(?:dm|message|text|email|link)|did (?:he|she|they|you|u|your \w+) (?:click|open|tap))\b"
)
# What a friend says when sharing a link too ("look, this recipe is good:
# …", "check out this wiki"): beside a link, not an advert on its own.
PROMO_CUE_WEAK: Final = (
    r"\b(?:visit|check out|check it|check|go to|gift|try|mira|entra|visita|acesse|entre|"
    r"besuche|kunjungi|hot|private|privat)\b"
)
# An advert's words inside a link's name ("hotdeals-now.biz", "free-vbucks.net").
PROMO_DOMAIN: Final = (
    r"(?:free|win|cash|deal|hot|sexy|casino|bet|crypto|promo|gift|prize|bonus|money|girls|"
    r"singles|cams?|xxx|loan|earn|robux|vbucks|diamond|gratis|profit|invest|dating|vip|fans|"
    r"slot|gacor|cripto|kripto|krypto|cuan|citas|encontros|privacy|privad|priv)"
)
# Free goods are bait only with somewhere to go: a call to act or a contact.
# Without one ("a site promising free robux", "he offered free diamonds") it
# is talk about the bait.
# Someone else's adult page told of ("my friend earns well on onlyfans"): a
# person and a telling verb, no price, no imperative.
TOLD_OF_PAGE: Final = (
    r"^(?!.*(?:\d|\b(?:check|sub|subscribe|assina|assine|pasate|mira|olha|schau|cek|"
    r"langganan|follow|segue|sigue|join|link|dm|inbox|hmu)\b)).*\b(?:friend|friends|"
    r"amiga|amigo|amigas|amigos|freundin|freund|teman|temen|sister|cousin|prima|primo|irma|"
    r"hermana|schwester|ex|colleague|coworker|colega|kollegin|she|he|ela|ele|ella|el|sie|"
    r"er|dia)\b(?:\s+\S+){0,4}?\s+(?:earns?|makes?|has|had|started|opened|ganha|gana|"
    r"tem|tiene|tenia|tinha|abriu|abrio|verdient|hat|hatte|punya|buka|dapet|dapat)\b"
)
# The speaker's own page or content ("my of", "mi página", "meu conteúdo").
OWN_PAGE: Final = (
    r"\b(?:my|mi|mis|meu|meus|minha|minhas|mein|meine|meinen)\s+(?:onlyfans|fansly|of|"
    r"page|pagina|content|contenido|conteudo|inhalte|link|profile|perfil|profil|site|"
    r"videos?|pics|fotos|bilder)\b|\b(?:onlyfans|fansly|of|konten|link)\s*(?:ku|aku|gue|"
    r"gw|saya)\b"
)
PROMO_CALL: Final = (
    r"\b(?:click|tap|dm|pm|inbox|message me|msg me|text me|add me|hmu|link|bio|go to|visit|"
    r"claim|get (?:yours|it|them|now)|join|sign up|register|whatsapp|wa|telegram|tele|tg|"
    r"discord|escribeme|agregame|entra|reclama|me chama|chama no|clique|acesse|resgate|"
    r"klik|daftar|hubungi|chat aku|dm aku|klick|schreib mir|melde dich|hol dir|sichere dir|"
    r"now|ahora|agora|sekarang|jetzt|today|hoy|hoje|hari ini|heute|here|aqui|aca|hier|"
    r"disini|di sini|sini|jual|dijual|vendo|selling|sell|verkaufe|venda|escribele|escribile|"
    r"text my|contact|contacta\w*|fale com|fala com|liga|ligue|hubungi|kontak|schreib|"
    r"schreibt|write to|call my|llama|llamame|coach|mentor|manager|admin|wasap|whatsapp)\b"
)
# Link shorteners hide where a link goes; in a chat with a stranger they are
# nearly always an advert or a trap. Read in the ``plain`` form.
SHORTENERS: Final = (
    # (not Google Maps' own share links, maps.app.goo.gl)
    r"\b(?:bit\.ly|tinyurl\.com|(?<!app\.)goo\.gl|t\.co|cutt\.ly|is\.gd|rb\.gy|shorturl\.at|ow\.ly|"
    r"tiny\.cc|s\.id|bit\.do|rebrand\.ly|shorte\.st|adf\.ly|linktr\.ee|bio\.link|"
    r"beacons\.ai|allmylinks\.com)/"
)
# Where ordinary people send each other things: a cue word beside these is
# not an advert ("check out this song youtube.com/…").
CONTENT_SITES: Final = (
    r"\b(?:youtube\.com|youtu\.be|spotify\.com|open\.spotify|wikipedia\.org|imdb\.com|"
    r"reddit\.com|maps\.google|google\.com/maps|soundcloud\.com|steamcommunity\.com|"
    r"store\.steampowered|github\.com|twitch\.tv|bbc\.|nytimes\.com|netflix\.com)"
)
