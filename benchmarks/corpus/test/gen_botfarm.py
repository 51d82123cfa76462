# ruff: noqa: E501  (hand-written chat lines are data; they are not wrapped)
"""Write ``botfarm.jsonl``: spam from a bot operator who rotates templates, plus hand-written
hard negatives in which people talk about links, scams and promotion without spamming.

The fragments are hand-written per language; the script only picks which opener, pitch,
link spelling and follow-up a bot uses and how the human answers (fixed seed, so the file
is reproducible). Run: ``python benchmarks/corpus/test/gen_botfarm.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUTHOR = "botfarm"
SEED = 20261203
PER_LANG = 15

# section -> pitches; "{link}" is replaced by one of the language's link spellings.
FRAGMENTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "greetings": ["hi", "hey", "yo", "hello"],
        "openers": ["hi", "hey there 😊", "hello dear", "heyy whats up", "hi cutie"],
        "teens": [
            "FREE ROBUX 🎁 just log in at {link} and claim 10,000 before it ends!!",
            "follow my tiktok plzz im so close to 5k, {link} 💕 i follow back 100%",
            "get free vbucks instantly 👉 {link} no survey no human verification",
            "my friend is giving away free ps5s, only today, sign up at {link}",
        ],
        "adults": [
            "bored? im live on cam right now, come watch me for free 🔥 {link}",
            "I turned $200 into $9,400 in a week with this bitcoin bot, join here {link}",
            "hey its Jessica, my private pics are on my OnlyFans, 50% off today {link}",
            "Work from home and earn $500/day, no experience needed, apply at {link}",
            "Your account has been flagged for a violation. Verify within 24h at {link} or be banned.",
            "hot singles in your area want to meet tonight 💋 {link}",
        ],
        "links": [
            "bit .ly/ fr33gift",
            "freeprize dot club",
            "h t t p s : / / cam-girls . live",
            "insta: jess.x.priv",
            "ctyptobot[.]io",
        ],
        "followups": [
            "click fast, only 12 spots left!!",
            "dont miss it babe 😘",
            "its 100% legit, my cousin did it",
            "hurry offer ends in 10 min ⏰",
        ],
        "replies": [
            "bot",
            "no thanks",
            "?",
            "reported lol",
            "is anyone real on here",
            "lmao nice try",
            "go away bot",
            "ugh not again",
            "skip",
            "who falls for this",
        ],
    },
    "es": {
        "greetings": ["hola", "buenas", "holi", "ey"],
        "openers": ["hola", "holaa guapo", "hola amor 😊", "que tal", "hola cariño"],
        "teens": [
            "PAVOS GRATIS 🎁 entra en {link} y reclama 10.000 ya!!",
            "siganme en tiktok porfa que llego a 5k, {link} 💕 sigo de vuelta",
            "robux gratis al instante 👉 {link} sin encuestas",
            "mi amigo regala play 5, solo hoy, registrate en {link}",
        ],
        "adults": [
            "aburrido? estoy en directo en cam ahora mismo, entra gratis 🔥 {link}",
            "converti 200 dolares en 9.400 en una semana con este bot de bitcoin, unete {link}",
            "hola soy Valeria, mis fotos privadas estan en mi OnlyFans, 50% de descuento hoy {link}",
            "Trabaja desde casa y gana 500 euros al dia sin experiencia, postula en {link}",
            "Tu cuenta ha sido marcada por una infraccion. Verificala en 24h en {link} o sera bloqueada.",
            "chicas solteras cerca de ti quieren quedar esta noche 💋 {link}",
        ],
        "links": [
            "bit .ly/ regal0",
            "premiogratis punto club",
            "h t t p s : / / chicas-cam . live",
            "ig: vale.priv.x",
            "criptobot[.]io",
        ],
        "followups": [
            "date prisa, quedan 12 plazas!!",
            "no te lo pierdas amor 😘",
            "es 100% real, mi primo lo hizo",
            "la oferta acaba en 10 min ⏰",
        ],
        "replies": [
            "bot",
            "no gracias",
            "?",
            "reportado jaja",
            "hay alguien real aqui",
            "jajaja buen intento",
            "otro bot",
            "que pesados",
            "next",
            "quien cae en esto",
        ],
    },
    "pt": {
        "greetings": ["oi", "olá", "e ai", "opa"],
        "openers": ["oi", "oii gato", "ola amor 😊", "e ai", "oi querido"],
        "teens": [
            "ROBUX GRATIS 🎁 entra em {link} e resgata 10 mil agora!!",
            "segue meu tiktok pfv to quase nos 5k, {link} 💕 sigo de volta",
            "diamantes gratis no free fire 👉 {link} sem verificacao",
            "meu amigo ta sorteando ps5, so hoje, cadastra em {link}",
        ],
        "adults": [
            "entediado? to ao vivo na cam agora, entra de graça 🔥 {link}",
            "transformei 200 reais em 9 mil numa semana com esse robo de bitcoin, entra {link}",
            "oi sou a Bruna, minhas fotos privadas tao no meu OnlyFans, 50% off hoje {link}",
            "Trabalhe de casa e ganhe 500 reais por dia sem experiencia, se inscreva em {link}",
            "Sua conta foi sinalizada por violacao. Verifique em 24h em {link} ou sera banida.",
            "mulheres solteiras perto de voce querem te conhecer hoje 💋 {link}",
        ],
        "links": [
            "bit .ly/ pres3nte",
            "premiogratis ponto club",
            "h t t p s : / / camgirls . live",
            "insta: bruna.priv.x",
            "criptorobo[.]io",
        ],
        "followups": [
            "corre, so restam 12 vagas!!",
            "nao perde amor 😘",
            "é 100% real, meu primo fez",
            "a oferta acaba em 10 min ⏰",
        ],
        "replies": [
            "bot",
            "nao obrigado",
            "?",
            "denunciado kkk",
            "tem alguem real aqui",
            "kkkk boa tentativa",
            "outro bot",
            "affs",
            "próximo",
            "quem cai nisso",
        ],
    },
    "id": {
        "greetings": ["hai", "halo", "p", "hai juga"],
        "openers": ["hai", "haii kak", "halo sayang 😊", "hai apa kabar", "halo ganteng"],
        "teens": [
            "DIAMOND ML GRATIS 🎁 login di {link} dan klaim 10.000 sekarang!!",
            "follow tiktok aku dong dikit lagi 5k, {link} 💕 pasti follback",
            "robux gratis langsung masuk 👉 {link} tanpa survei",
            "temenku bagi2 ps5 gratis, cuma hari ini, daftar di {link}",
        ],
        "adults": [
            "bosen? aku lagi live cam sekarang, nonton gratis 🔥 {link}",
            "modal 200rb jadi 9jt seminggu pake robot bitcoin ini, gabung {link}",
            "hai aku Sinta, foto pribadiku ada di OnlyFans, diskon 50% hari ini {link}",
            "Kerja dari rumah gaji 500rb per hari tanpa pengalaman, daftar di {link}",
            "Akun anda ditandai melanggar aturan. Verifikasi dalam 24 jam di {link} atau akan diblokir.",
            "cewek2 lajang dekat kamu mau ketemu malam ini 💋 {link}",
        ],
        "links": [
            "bit .ly/ hadiahh",
            "hadiahgratis titik club",
            "h t t p s : / / cewekcam . live",
            "ig: sinta.priv.x",
            "kriptobot[.]io",
        ],
        "followups": [
            "buruan, sisa 12 slot!!",
            "jangan sampe ketinggalan sayang 😘",
            "100% asli, sepupuku udah coba",
            "promo habis 10 menit lagi ⏰",
        ],
        "replies": [
            "bot",
            "ga makasih",
            "?",
            "gue report wkwk",
            "ada orang beneran ga sih disini",
            "wkwk nice try",
            "bot lagi",
            "males",
            "skip ah",
            "siapa yg ketipu ginian",
        ],
    },
    "de": {
        "greetings": ["hi", "hallo", "moin", "servus"],
        "openers": ["hi", "hey süßer 😊", "hallo schatz", "na du", "hallo"],
        "teens": [
            "GRATIS V-BUCKS 🎁 einfach auf {link} einloggen und 10.000 sichern!!",
            "folgt mir bitte auf tiktok, fast 5k, {link} 💕 folge zurück",
            "kostenlose robux sofort 👉 {link} ohne umfrage",
            "mein kumpel verlost ps5s, nur heute, melde dich an auf {link}",
        ],
        "adults": [
            "langweilig? ich bin gerade live auf cam, schau gratis zu 🔥 {link}",
            "aus 200 euro hab ich in einer woche 9.400 gemacht mit diesem bitcoin-bot, mach mit {link}",
            "hey ich bin Lena, meine privaten bilder sind auf OnlyFans, heute 50% rabatt {link}",
            "Von zuhause arbeiten und 500 Euro am Tag verdienen, ohne Erfahrung, bewirb dich auf {link}",
            "Ihr Konto wurde wegen eines Verstoßes markiert. Bestätigen Sie es innerhalb von 24h auf {link}, sonst wird es gesperrt.",
            "singles in deiner nähe wollen dich heute abend treffen 💋 {link}",
        ],
        "links": [
            "bit .ly/ geschenkk",
            "gratispreis punkt club",
            "h t t p s : / / camgirls . live",
            "insta: lena.priv.x",
            "kryptobot[.]io",
        ],
        "followups": [
            "schnell, nur noch 12 plätze!!",
            "verpass es nicht schatz 😘",
            "100% echt, mein cousin hat's gemacht",
            "angebot endet in 10 min ⏰",
        ],
        "replies": [
            "bot",
            "nein danke",
            "?",
            "gemeldet lol",
            "ist hier irgendwer echt",
            "haha netter versuch",
            "schon wieder ein bot",
            "nervig",
            "weiter",
            "wer fällt darauf rein",
        ],
    },
}

# Hand-written hard negatives: links, scams and promotion talked about, not pushed.
HARD_NEGATIVES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "en",
        "teens",
        [
            ("a", "did u get that free robux message too?"),
            ("b", "yeah its a scam, it steals ur account"),
            ("a", "lol my little brother almost clicked it"),
            ("b", "tell him never put his password anywhere"),
            ("a", "i did, he's mad at me now"),
        ],
    ),
    (
        "en",
        "teens",
        [
            ("a", "what do u use to study for bio"),
            ("b", "quizlet mostly, there's a good set for cell division"),
            ("a", "can u send the name of it"),
            ("b", "search 'mitosis vs meiosis grade 10', the one with the green icon"),
            ("a", "found it thx!"),
        ],
    ),
    (
        "en",
        "adults",
        [
            ("a", "I run a small bakery, what about you?"),
            ("b", "Accountant. Do you sell online?"),
            ("a", "Only locally, I'm not going to spam you with a link, don't worry"),
            ("b", "Ha, appreciated. What's your best seller?"),
            ("a", "Cinnamon buns, by a mile"),
        ],
    ),
    (
        "es",
        "teens",
        [
            ("a", "te llego el mensaje de pavos gratis?"),
            ("b", "si, es estafa, te roban la cuenta"),
            ("a", "mi hermano casi le da click"),
            ("b", "dile que nunca ponga su contraseña"),
            ("a", "ya le dije, se enojo conmigo jaja"),
        ],
    ),
    (
        "es",
        "teens",
        [
            ("a", "con que estudias historia?"),
            ("b", "con unos resúmenes que hizo mi profe, están en el classroom"),
            ("a", "ah yo tambien tengo classroom, cual clase?"),
            ("b", "la de 3B, busca 'revolución mexicana resumen'"),
            ("a", "ya lo vi, gracias!"),
        ],
    ),
    (
        "es",
        "adults",
        [
            ("a", "Tengo una pequeña panaderia, y tu?"),
            ("b", "Contable. Vendes por internet?"),
            ("a", "Solo en el barrio, tranquilo que no te voy a mandar ningun enlace jaja"),
            ("b", "Se agradece. Que es lo que mas vendes?"),
            ("a", "Las napolitanas de chocolate"),
        ],
    ),
    (
        "pt",
        "teens",
        [
            ("a", "vc recebeu aquela msg de robux gratis?"),
            ("b", "recebi, é golpe, roubam a conta"),
            ("a", "meu irmao quase clicou"),
            ("b", "fala pra ele nunca colocar a senha"),
            ("a", "falei, ele ficou bravo kkk"),
        ],
    ),
    (
        "pt",
        "teens",
        [
            ("a", "vc estuda bio por onde?"),
            ("b", "pelo quizlet, tem um deck bom de citologia"),
            ("a", "como acho"),
            ("b", "procura 'citologia 1 ano ensino medio', o que tem 200 cards"),
            ("a", "achei vlw"),
        ],
    ),
    (
        "pt",
        "adults",
        [
            ("a", "Tenho uma padaria pequena, e vc?"),
            ("b", "Contador. Vende online?"),
            ("a", "So no bairro, relaxa que nao vou te mandar link kkk"),
            ("b", "Agradeço. O que mais sai?"),
            ("a", "Pao de queijo, disparado"),
        ],
    ),
    (
        "id",
        "teens",
        [
            ("a", "lo dapet chat diamond gratis itu juga?"),
            ("b", "iya itu penipuan, akun lo bisa dicolong"),
            ("a", "adek gue hampir klik"),
            ("b", "bilangin jangan pernah masukin password"),
            ("a", "udah, dia malah ngambek wkwk"),
        ],
    ),
    (
        "id",
        "teens",
        [
            ("a", "lo belajar fisika pake apa"),
            ("b", "ruangguru sama catatan dari guru di google classroom"),
            ("a", "kelas lo kode classroomnya beda ya pasti"),
            ("b", "iya, tapi materinya sama, cari aja 'hukum newton kelas 10'"),
            ("a", "oke makasih"),
        ],
    ),
    (
        "id",
        "adults",
        [
            ("a", "Saya punya toko roti kecil, Anda?"),
            ("b", "Akuntan. Jualan online juga?"),
            ("a", "Cuma di sekitar rumah, tenang saya ga bakal kirim link promo hehe"),
            ("b", "Hehe terima kasih. Yang paling laris apa?"),
            ("a", "Roti sobek cokelat keju"),
        ],
    ),
    (
        "de",
        "teens",
        [
            ("a", "hast du auch die nachricht mit gratis v-bucks bekommen?"),
            ("b", "ja, ist betrug, die klauen den account"),
            ("a", "mein bruder hätte fast geklickt"),
            ("b", "sag ihm, er soll nie sein passwort eingeben"),
            ("a", "hab ich, jetzt ist er sauer lol"),
        ],
    ),
    (
        "de",
        "teens",
        [
            ("a", "womit lernst du für bio"),
            ("b", "mit quizlet, da gibt's ein gutes set zur zellteilung"),
            ("a", "wie heißt das"),
            ("b", "such 'mitose meiose klasse 10', das mit dem grünen bild"),
            ("a", "gefunden danke!"),
        ],
    ),
    (
        "de",
        "adults",
        [
            ("a", "Ich habe eine kleine Bäckerei, und du?"),
            ("b", "Steuerberater. Verkaufst du online?"),
            ("a", "Nur im Viertel, keine Sorge, ich schick dir keinen Link haha"),
            ("b", "Sehr angenehm. Was läuft am besten?"),
            ("a", "Zimtschnecken, mit Abstand"),
        ],
    ),
    (
        "de",
        "adults",
        [
            ("a", "Ich bekomme hier dauernd Nachrichten von Krypto-Bots, du auch?"),
            ("b", "Ständig. 'Aus 200 Euro 9000 gemacht', klar doch."),
            ("a", "Ich melde die jedes Mal."),
            ("b", "Ich auch. Schade um die Zeit."),
            ("a", "Immerhin reden wir jetzt normal."),
        ],
    ),
]


def as_turns(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"speaker": speaker, "text": text} for speaker, text in pairs]


def spam(rng: random.Random, lang: str, n: int) -> dict[str, object]:
    frag = FRAGMENTS[lang]
    section = "teens" if n % 3 == 0 else "adults"
    pitches = frag[section]
    pitch = pitches[n % len(pitches)]
    link = rng.choice(frag["links"])
    bot = rng.choice(["a", "b"])
    human = "b" if bot == "a" else "a"
    message = pitch.format(link=link)
    turns: list[tuple[str, str]] = []
    if bot == "b":
        turns.append((human, rng.choice(frag["greetings"])))
    style = n % 4
    if style == 0:  # opener, pitch, then the same pitch pasted again whatever the human says
        turns += [(bot, rng.choice(frag["openers"])), (bot, message)]
        turns += [(human, rng.choice(frag["replies"])), (bot, message)]
    elif style == 1:  # pitch straight away, a follow-up pushing urgency
        turns += [
            (bot, message),
            (human, rng.choice(frag["replies"])),
            (bot, rng.choice(frag["followups"])),
        ]
    elif style == 2:  # the pitch three times in a row, the copy-paste flood
        turns += [
            (bot, message),
            (bot, message),
            (human, rng.choice(frag["replies"])),
            (bot, message),
        ]
    else:  # greeting, pitch, follow-up, pitch again
        turns += [(bot, rng.choice(frag["openers"])), (human, rng.choice(frag["replies"]))]
        turns += [(bot, message), (bot, rng.choice(frag["followups"]))]
    return {
        "lang": lang,
        "section": section,
        "label": "spam",
        "hard_negative": False,
        "offender": bot,
        "turns": as_turns(turns),
    }


def main() -> None:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for lang in FRAGMENTS:
        for n in range(PER_LANG):
            rows.append(spam(rng, lang, n))
    for lang, section, turns in HARD_NEGATIVES:
        rows.append(
            {
                "lang": lang,
                "section": section,
                "label": "benign",
                "hard_negative": True,
                "offender": None,
                "turns": as_turns(turns),
            }
        )
    with (HERE / f"{AUTHOR}.jsonl").open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            conv = {"id": f"test-{AUTHOR}-{i}", "author": AUTHOR, "split": "test", **row}
            fh.write(json.dumps(conv, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
