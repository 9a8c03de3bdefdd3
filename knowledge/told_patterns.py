"""The patterns of needs told as what happens to the business, on the folded question: customers who do not come,
money that runs out, staff who leave or cannot do the work, a founder's worries, a body that gives out. Each names
the word that tells it in a group of its own (see told_needs.told_needs, which reads them in order)."""

from __future__ import annotations

import re

# customers or bookings that do not come ("talvella ei yhtään varausta", "ei juuri asiakkaita", "hardly any bookings"):
# the business asks what to do, as with a decline
NO_CUSTOMERS = re.compile(
    r"\b(?:ei|eika)\s+(?:(?:ole|oo|tule|tuu|ollut|tullut|juuri|yhtaan|enaa|tarpeeksi|riittavasti|kesalla|talvella"
    r"|syksylla|kevaalla|arkisin)\s+){0,2}"
    r"(?P<who>varauksia|varausta|asiakkaita|asiakasta|tilauksia|tilausta|kavijoita|ostajia)\b"
    # ... or not seen ("ulkomaalaisia ei näy", "turisteja ei näy enää")
    r"|\b(?P<who_seen>ulkomaalaisia|turisteja|matkailijoita|asiakkaita|kavijoita|vieraita)\s+(?:ei|eika)\s+(?:enaa\s+)?"
    r"(?:nay|nae|nakyny|nakynyt|kuulu)\b"
    r"|\b(?:no|hardly\s+any|not\s+enough|too\s+few)\s+(?P<who_en>bookings|customers|guests|orders|visitors)\b"
    # ... or one season full and the rest empty ("kesä täynnä mutta loka-huhtikuu ei ketään")
    r"|\btaynna\b[^.;]{0,40}?\bei\s+(?:kay\s+|tule\s+|tuu\s+|oo\s+|ole\s+)?(?P<who_season>ketaan|kukaan)\b"
    # ... or empty ("heinäkuu täynnä, muu vuosi tyhjää")
    r"|\btaynna\b[^.;]{0,40}?\b(?P<empty_season>tyhjaa|tyhja|tyhjilla\w*|hiljaista|hiljasta|kuollutta)\b"
    # ... or half of what came before ("asiakkaita oli puolet viime vuodesta", "myynti puolet viime kesästä")
    r"|\b(?P<who_half>asiakkait\w*|asiakasmaar\w*|myynti\w*|varauks\w*|kavijoit\w*|kavijamaar\w*|tilauks\w*)\s+"
    r"(?:\w+\s+){0,2}?puolet\s+(?:viime|edellis|viimevuo|normaali|tavallis|entis|aiemm|ennen)"
    # ... or said first ("talvella asiakkaita ei ole käytännössä yhtään"), or nobody comes ("kukaan ei enää käy
    # kaupassa")
    r"|\b(?P<who_first>asiakkaita|varauksia|kavijoita|tilauksia)\s+ei\s+(?:ole|oo|tule|tuu|kay|tullut|tullu|ollut|ollu)\b"
    r"(?!\s+viela)"
    # ... or a season that went badly ("kesä meni huonosti", "sesonki meni penkin alle")
    r"|\b(?:kesa|talvi|kausi|sesonki|syksy|kevat|joulu)\s+(?:meni|oli|on\s+ollut)\s+(?:tosi\s+|todella\s+|aivan\s+)?"
    r"(?P<season>huonosti|penkin|pieleen|surkea|heikko|huono|katastrofi)\b"
    r"|\bkukaan\s+ei\s+(?:enaa\s+)?(?P<who_visits>kay)\b"
    # ... or the door that does not swing ("talvella ovi ei käy ollenkaan")
    r"|\bovi\s+ei\s+(?:enaa\s+)?(?P<door>kay)\b"
    # ... or none in a season ("mökkikylä: talvella ei ketään")
    r"|\b(?:talvella|talvisin|kesalla|syksylla|kevaalla|muulloin|arkisin|\w+kuussa)\s+ei\s+"
    r"(?:kay\s+|tule\s+|tuu\s+|oo\s+|ole\s+)?(?P<who_time>ketaan|kukaan|euroakaan|senttiakaan|penniakaan|tuloja)\b"
)
# no sales for months ("ei oo ollu kauppaa kolmeen kuukauteen"; a village without a shop for years is another
# matter), or trade that does not go ("kauppa ei käy"): as with customers who do not come; the word names no
# service ("kauppa" is no chamber of commerce)
NO_SALES = re.compile(
    r"\b(?:ei|eika)\s+(?:ole\s+|oo\s+)?(?:ollut|ollu)\s+(?P<no_sales>kauppaa|myyntia|tuloja)\s+(?:\w+\s+)?"
    r"\w*(?:kuukauteen|kuukausiin|viikkoon|viikkoihin)\b"
    r"|\b(?P<trade>kauppa)\s+ei\s+(?:enaa\s+|oikein\s+)?(?:kay|veda)\b"
    # ... or goods that no longer sell ("tuotteet ei mene enää kaupaksi")
    r"|\b(?:ei|eivat)\s+(?:mene|myy|meneva)\s+(?:enaa\s+|oikein\s+)?(?P<not_selling>kaupaksi)\b"
)
# a company one wants to be rid of ("oy:llä ei oo ollu toimintaa, omistaja haluis vaan päästä siitä eroon"): closing it
RID_OF = re.compile(
    r"\b(?:paasta|paasis|paasisi|paastaan)\s+(?:siita|firmasta|yrityksesta|yhtiosta|tmista|toiminimesta)\s+(?P<rid>eroon)\b"
)
# a trade learnt at work ("nuori kaveri haluaisi oppia sähköasentajaksi heidän palkkalistoillaan"): an apprenticeship
TRADE_LEARNT = re.compile(
    r"\b(?:oppia|oppimaan|kouluttautua|valmistua)\s+(?P<trade>\w+(?:jaksi|aksi|iksi|miehiksi|mieheksi))\b"
    r"(?=[^.;]{0,60}?\b(?:palkkalist|toiss|tyon\s+ohessa|tyopaikalla|meilla|heilla))"
    # ... or the trade learnt by working ("haluaa oppia ammatin meillä töitä tekemällä")
    r"|\b(?:oppia|oppimaan|opetella)\s+(?P<trade_work>ammatin|ammattiin|alan|ammattia)\b"
    r"(?=[^.;]{0,40}?\b(?:toita\s+tekemalla|tyota\s+tekemalla|tekemalla|meilla|toissa|tyon\s+ohessa|palkkalist))"
    # ... or trained while working ("miten sais koulutettua samalla kun tekee duunia")
    r"|\b(?P<trained>koulutettua|koulutetuksi|kouluttaa|kouluttautua|opiskella|opiskelemaan)\s+(?:\w+\s+)?samalla\s+"
    r"(?:kun|ku)\s+(?:\w+\s+)?(?:tekee|on|tyoskentelee|teki)\s+(?:duunia|toita|tyota|toissa|hommia)\b"
    # ... or studies while at work ("voisko hänet ottaa duuniin niin et opiskelis samalla", "study while working")
    r"|\b(?P<study>opiskel\w*|opiskeleis\w*|kouluttautu\w*)\s+(?:\w+\s+)?(?:samalla|tyon\s+ohessa|toiden\s+ohessa)\b"
    r"|\b(?P<study_en>study|studying|studies)\s+(?:\w+\s+)?(?:while|alongside)\s+(?:working|work|the\s+job)\b"
)
# the company's building burnt or flooded ("tehdashalli paloi yöllä, tuotanto seis"): a crisis to get through
PREMISES_DESTROYED = re.compile(
    r"\b(?:\w*halli|tehdas|varasto|verstas|navetta|kiinteisto|toimitila|liiketila|tuotantotila)\w*\s+(?:\w+\s+)?"
    r"(?P<destroyed>paloi|palanut|tuhoutui|tulvi)\b"
    # ... said verb first ("asiakkaalla paloi tuotantohalli viime yönä")
    r"|\b(?P<burnt>paloi|tuhoutui|tulvi)\s+(?:\w+\s+)?(?:\w*halli|tehdas|varasto|verstas|navetta|kiinteisto|toimitila"
    r"|liiketila|tuotantotila)\w*"
    # ... or its machine ("metsäkone paloi, vakuutus ei kata kaikkea")
    r"|\b(?:\w*kone|traktori|harvesteri|kuormatraktori|rekka|kuorma-auto|\w*auto|kalusto)\w*\s+(?:\w+\s+)?"
    r"(?P<machine_destroyed>paloi|palanut|tuhoutui)\b"
)
# a job ad that no one answers ("ilmoitus on ollut kaksi kuukautta auki eikä ainuttakaan soittoa", "ilmotus ollu
# auki 3 kk, ei yhtään hakijaa"): a hire not found
AD_UNANSWERED = re.compile(
    r"\b(?P<ad>(?:tyopaikka)?ilmo(?:i)?tu(?:s|kset|sta|ksia))\s+(?:\w+\s+){0,5}?auki\b[^.;]{0,30}?"
    r"\b(?:ei|eika)\s+(?:\w+\s+)?(?:yhtaan|ainuttakaan|ketaan|kukaan|hakij\w*|soittoa|yhteydenottoa)\b"
)
# nobody who applies ("kukaan ei hae duuniin", "hakijoita ei tule", "ei tuu yhtään hakemusta", "no applicants"): a
# hire not found
NOBODY_APPLIES = re.compile(
    r"\b(?:(?:kukaan|kukkaan)\s+ei|(?:ei|eika)\s+kukaan)\s+(?:enaa\s+|edes\s+)?"
    r"(?P<applies>hae|hakenut|hakenu|hakeudu|ilmoittaudu)\b"
    r"|\b(?:ei|eika)\s+(?:\w+\s+){0,4}?(?P<applicants>hakijoita|hakijaa|hakemuksia|hakemusta)\b"
    r"|\b(?P<applicants_first>hakijoita|hakemuksia)\s+(?:\w+\s+)?(?:ei|eika)\b"
    r"|\b(?:no|hardly\s+any|zero)\s+(?P<applicants_en>applicants|applications)\b"
    r"|\bnobody\s+(?P<applies_en>applies|applied|answers)\b"
    # ... nor any to be found ("can't find truck drivers anywhere")
    r"|\b(?:can'?t|cannot|unable\s+to|struggl\w*\s+to)\s+find\s+(?:\w+\s+)?(?P<find_en>drivers|workers|staff|employees"
    r"|welders|mechanics|nurses|cooks|chefs|electricians|carpenters|builders|plumbers|cleaners|waiters|labou?r"
    r"|operators|technicians|programmers|developers|engineers|installers|hands)\b"
    # ... nor anyone to be had ("ravintola ei saa kesäksi ketään"); not anyone reached ("ei saa ketään kiinni")
    r"|\b(?:ei|eika)\s+(?:\w+\s+)?(?:saa|saada|saanut|saanu|saatu)\s+(?:\w+\s+)?(?P<nobody_had>ketaan)\b"
    r"(?!\s+(?:kiinni|puhelimella|langan))"
)
# no hands at all ("tilauksia tulis mut ei oo tekijöitä"): a hire
NO_HANDS = re.compile(
    r"\b(?:ei|eika)\s+(?:ole|oo)\s+(?:\w+\s+)?(?P<no_hands>tekijoita|tyontekijoita|osaajia|tyovoimaa)\b"
)
# places open ("kolme hitsarin paikkaa auki", "työpaikka ollut auki pitkään"): a hire not found
OPEN_PLACES = re.compile(
    r"\b(?P<open>paikkaa|tyopaikkaa|tyopaikka|tyopaikat|vakanssia|vakanssi)\s+(?:on\s+|ollut\s+|ollu\s+)?"
    r"(?:auki|avoinna|taytt\w*\s+vaille)\b"
)
# a company its customers do not find online ("asiakkaat ei löydä firmaa netistä", "ei näy googlessa"): being found
# there, the digital question; a connection that cuts out is none
NOT_FOUND_ONLINE = re.compile(
    r"\b(?:ei|eika|eivat)\s+(?:\w+\s+){0,2}?(?:loyda|loyla|loydy|loyty|nay|nae|nakyny|nakynyt)\s+(?:\w+\s+){0,2}?"
    r"(?P<online>netista|netissa|googlesta|googlessa|googlella|hakukoneista|hakukoneessa|verkosta|somesta)\b"
    r"|\b(?:can'?t|cannot|don'?t|do\s+not)\s+find\s+(?:\w+\s+){0,3}?(?P<online_en>online)\b"
    # ... or customers who ask to order there ("nuoret asiakkaat kysyy koko ajan verkosta tilaamista")
    r"|\b(?:kysy\w*|kyselee|kyselevat|haluaa|haluavat|toivoo|toivovat|odottaa|odottavat)\s+(?:\w+\s+){0,3}?"
    r"(?:verkosta|netista|netissa|verkossa|verkkokaupasta)\s+(?P<online_order>tilaamista|tilaamisen|tilausta|ostamista"
    r"|varaamista|maksamista)\b"
    # ... nor book or buy there ("asiakkaat valittaa ettei netistä voi varata", "can't book online")
    r"|\b(?:ei|ettei|eika|eivat)\s+(?:\w+\s+)?(?:netista|netissa|verkosta|verkossa|somesta|sivuilta|sivuilla)\s+"
    r"(?:\w+\s+)?(?:voi|pysty|paase|pysty)\s+(?P<online_book>varata|tilata|ostaa|maksaa)\b"
    r"|\b(?:can'?t|cannot)\s+(?P<online_book_en>book|order|buy|pay)\s+(?:\w+\s+)?online\b"
    # ... only by phone ("varaus pitää tehdä puhelimessa")
    r"|\b(?P<by_phone>varaus|varaukset|varauksen|tilaus|tilaukset)\s+(?:\w+\s+){0,3}?(?:puhelimessa|puhelimella|puhelimitse"
    r"|soittamalla)\b"
)
# a company that burns its cash to grow ("kasvufirma polttaa kassaa", "burning cash"): investors, whom losses do not
# turn away as they turn a bank
BURNING_CASH = re.compile(
    r"\b(?P<burn>polttaa|polttanut|polttavat|poltetaan|burn\w*)\s+(?:\w+\s+)?(?:kassaa|rahaa|cash)\b"
    # ... or whose growth eats it ("kasvu syö kassan")
    r"|\bkasvu\s+(?:\w+\s+)?(?P<eats>syo|syonyt|vie)\s+(?:kassan|kassaa|kaikki\s+rahat|rahat)\b"
)
# someone else's money put in first ("pankki ei lähde mukaan ennen kuin joku muu laittaa rahaa kiinni", "ulkopuolista
# rahaa tarvitaan"): an investor's, the bank's no is why
OUTSIDE_MONEY = re.compile(
    r"\b(?:joku|jonkun|joku\s+muu|muut|ulkopuolinen|ulkopuolisen)\s+(?:\w+\s+)?(?:laittaa|laittais\w*|sijoittaa|tuo|toisi)"
    r"\s+(?:\w+\s+)?rahaa\s+(?P<put_in>kiinni|likoon|mukaan|yritykseen|firmaan|pesaan)\b"
    r"|\b(?P<outside>ulkopuolista)\s+(?:oman\s+paaoman\s+)?rahaa\b"
)
# someone taken in as a shareholder ("omistajat valmiita ottamaan jonkun osakkaaksi", "hakee sijoittajaa osakkaaksi"):
# equity for the company, no company sold
NEW_SHAREHOLDER = re.compile(
    r"\b(?:otta\w*|ottais\w*|saada|saamaan|saisi|sais|etsi\w*|haki\w*|hakee|hakea|mukaan|tulis|tulisi|tulee)"
    r"\s+(?:\w+\s+){0,2}?"
    r"(?P<shareholder>osakkaaksi|osakkaiksi|osakkaakseen|sijoittajaksi|sijoittajiksi)\b"
    # ... said first ("osakkaaksi vois ottaa jonkun")
    r"|\b(?P<shareholder_first>osakkaaksi|osakkaiksi|sijoittajaksi)\s+(?:\w+\s+)?(?:otta\w*|ottais\w*|otettais\w*|saada"
    r"|saisi|tulis|tulisi)\b"
)
# beginning to make something and sell it oneself ("kalastaja haluaisi alkaa savustaa kalaa ja myydä sitä itse
# torilla"): a business started
BEGIN_TO_SELL = re.compile(
    r"\b(?:haluaa|haluaisi|haluais|haluis|haluavat|haluaisivat|haluu|aikoo|aikois|meinaa|suunnittelee|miettii"
    r"|ajattelee)\s+(?:\w+\s+)?(?:alkaa|aloittaa|ruveta|ryhtya)\s+(?:\w+\s+){1,3}?(?:ja\s+)(?P<sell>myyda|myymaan)\b"
)
# machines decades old ("koneet 80-luvulta ja kaikki tehdään käsin", "sorvi 30v vanha"): renewing them, an investment
OLD_MACHINES = re.compile(
    r"\b(?P<old>koneet|kone|laitteet|laitteisto|kalusto|konekanta|tuotantolinja|linja)\s+(?:on\s+|ovat\s+)?"
    r"(?:\d{2,4}-?luvulta|\d+\s*v\s+vanh\w*|\d+\s+vuotta\s+vanh\w*|ikivanh\w*|vanhentune\w*)"
)
# nobody to talk to ("kaikki päätökset pitää tehdä yksin eikä oo ketään kelle puhua"), no holiday in years
# ("karjatilallinen ei oo pitäny lomaa kuuteen vuoteen"): the entrepreneur's coping
ALONE_WITH_IT = re.compile(
    r"\b(?:ei|eika|ettei)\s+(?:ole\s+|oo\s+)?(?P<nobody>ketaan)\s+(?:kelle|kenelle|jolle|kenen\s+kanssa)\s+"
    r"(?:\w+\s+)?(?:puhua|jutella|purkaa|soittaa)\b"
    r"|\b(?:ei|eika)\s+(?:ole\s+|oo\s+)?(?:pitanyt|pitany|pitaneet|ollut|ollu)\s+(?:yhtaan\s+|kunnon\s+)?"
    r"(?P<holiday>lomaa|lomia|lomapaivaa|vapaapaivaa)\b"
    # ... or feeling all alone with it ("tuntee olevansa ihan yksin kaikkien päätösten kanssa")
    r"|\btuntee\s+(?:\w+\s+)?olevansa\s+(?:\w+\s+){0,3}?(?:ihan\s+|aivan\s+|tosi\s+|niin\s+)?"
    r"(?P<feels_alone>yksin|yksinainen)\b"
    r"|\byksin\s+(?:kaikkien\s+|omien\s+)?(?P<decisions>paatosten|asioiden|ongelmien)\s+kanssa\b"
)
# the account or the cash running dry ("the company bank account will be empty by March", "kassa loppuu
# maaliskuussa", "rahat loppuu kuun lopussa"): trouble to get through
CASH_RUNNING_OUT = re.compile(
    r"\b(?:account|cash)\s+(?:\w+\s+){0,2}?(?:be\s+|is\s+|runs?\s+|running\s+)(?P<empty>empty|dry|out)\b"
    r"|\b(?:kassa|tili|pankkitili|rahat)\s+(?:on\s+|ois\s+|olis\s+)?(?P<runs_out>loppuu|loppumassa|tyhjenee|tyhja)\b"
    r"\s+(?:\w+\s+)?\w*(?:kuussa|kuun|viikolla|viikon|jouluna|keväällä|kevaalla|syksylla|lopussa|jalkeen)"
)
# never an entrepreneur before ("ei oo ikinä ollu yrittäjä"): one who would become one
NEVER_AN_ENTREPRENEUR = re.compile(
    r"\b(?:ei|en|eika)\s+(?:ole\s+|oo\s+)?(?:koskaan|ikina|ikinaan|aiemmin)\s+(?:ollut|ollu)\s+"
    r"(?P<never>yrittaja\w*)\b"
    # ... or the first time ("ekaa kertaa yrittäjäks")
    r"|\b(?:ekaa|ekan|ensimmaista|ensi)\s+kertaa\s+(?P<first_time>yrittaja\w*)\b"
)
# never sold abroad before ("ei olla ikinä viety mitään", "never exported"): export, unless a word names it already
# ("vienti Norjaan, ei ole aiemmin viety mitään")
NEVER_EXPORTED = re.compile(
    r"^(?!.*\b(?:vient\w*|vienn\w*|vieda|export\w*|internation\w*|kansainvalist\w*)\b).*?"
    r"(?:\b(?:ei|en|eika)\s+(?:olla|ole|oo|olla\s+viela|ole\s+viela)\s+(?:ikina|koskaan|aiemmin|viela)\s+"
    r"(?P<exported>viety|vieny|vienyt|vieneet|myyty|myyny|myynyt)\s+(?:mitaan\s+)?(?:ulkomaille|ulos|rajan\s+yli|"
    r"ulkomaan|mitaan)\b"
    r"|\b(?:never|not)\s+(?:\w+\s+)?(?P<exported_en>exported|sold\s+abroad)\b)",
    re.DOTALL,
)
# customers who ran out or vanished ("venäläiset asiakkaat loppu kokonaan", "asiakkaat katosi kun ohitustie
# avattiin"): what to do, as with a decline
CUSTOMERS_GONE = re.compile(
    r"\b(?P<gone>asiakkaat|asiakasta|varaukset|tilaukset|kavijat|turistit|vieraat|myynti|liikevaihto)\s+(?:\w+\s+)?"
    r"(?:loppu|loppui|loppuivat|loppuneet|katosi|katosivat|kadonneet|kadonnut|kaikkosi|kaikkosivat|havisi|havisivat|hävis"
    r"|puolittui|puolittu|puolittunut|puolittuneet|puoliintui|puoliintuneet|romahti|romahtivat|romahtaneet"
    r"|katoo|katoaa|katoavat|vahenee|vahenevat|vahentyneet|vahentynyt|hupenee|hupenevat|lahti|lahtivat|lahteneet)\b"
    # ... or halved, collapsed ("tilaukset puolittui"; "sales to Germany collapsed")
    r"|\b(?P<gone_en>sales|orders|bookings|customers)\s+(?:\w+\s+){0,3}?(?:collapsed|halved|dried\s+up|vanished)\b"
    # ... or lost ("the restaurant lost half of its customers")
    r"|\b(?P<lost_en>lost)\s+(?:half\s+(?:of\s+)?|most\s+(?:of\s+)?|all\s+(?:of\s+)?)?(?:its|their|our|his|her)\s+"
    r"(?:customers|clients|guests|bookings|orders|sales)\b"
)
# not knowing how to get through ("ei tiedä miten tästä selvitään", "how do we survive this"): trouble
GETTING_THROUGH = re.compile(
    r"\b(?:miten|kuinka)\s+tasta\s+(?:\w+\s+)?(?P<through>selvitaan|selvita|selvitaan|selviaa|selviytyy|selvitaanko"
    r"|selvitaa|jatketaan|eteenpain)\b"
    r"|\bhow\s+(?:do\s+we|can\s+we|to|will\s+we)\s+(?P<through_en>survive)\b"
)
# work left undone for want of hands ("keikat jäävät tekemättä, vaikka tilauksia olisi"): a hire; the gigs are the
# company's own work, no gig work to start
WORK_UNDONE = re.compile(
    r"\b(?P<undone>keikat|keikkoja|tyot|hommat|urakat|tilauksia|tilaukset)\s+(?:\w+\s+)?"
    r"(?:jaa|jaavat|jai|jaivat|jaanyt|jaaneet|jaisi)\s+tekematta\b"
)
# an applicant from abroad ("ravintolaan ois hakija filippiineiltä"): a hire, from there
APPLICANT_FROM = re.compile(r"\b(?P<applicant>hakija|hakijoita|hakijat|hakijaa)\s+(?:\w+\s+)?\w+(?:lta|sta)\b")
# the business dying ("mun kauppa kuolee jos en keksi jotain", "kyläkauppa kuihtuu"): what to do, no death
BUSINESS_DYING = re.compile(
    r"\b(?:kauppa|kauppani|liike|liikkeeni|firma|firmani|yritys|yritykseni|putiikki|bisnes|kahvila|ravintola)"
    r"\s+(?:\w+\s+)?(?P<dying>kuolee|kuolemassa|kuihtuu|kuihtumassa|nayvettyy)\b"
)
# the runway of a start-up running out ("demo valmis, runway loppuu maaliskuussa"): investors' money for its next
# step
RUNWAY = re.compile(r"\b(?P<runway>runway)\b")
# a sole trader turned into a limited company ("toiminimi kasvanut, kannattaisko muuttaa osakeyhtiöksi"): the
# company's form, an adviser's question; nothing started
FORM_CHANGED = re.compile(
    r"\b(?:muuttaa|muuttais\w*|muuttaminen|muuttamista|vaihtaa|vaihtais\w*|vaihtamista)\s+(?:\w+\s+)?"
    r"(?P<form>osakeyhtioksi|oy:ksi|oyksi|osakeyhtioon|oy:hyn)\b"
    # ... or no longer worth keeping ("tilitoimisto sanoi ettei kannata enää olla toiminimi")
    r"|\b(?:ei|ettei)\s+kannata\s+(?:enaa\s+)?(?:olla\s+|jatkaa\s+)?(?P<form_left>toimini\w*|tmi\w*|kevytyrittaja\w*)"
)
# a duty to notify someone ("pitääkö ilmotella jonnekin", "tarviiko siitä ilmottaa jonnekin"): permits and
# notifications
NOTIFY_SOMEWHERE = re.compile(
    r"\b(?P<notify>ilmo(?:i)?tt\w*|ilmo(?:i)?tella|ilmo(?:i)?tettava|rekisteroi\w*)\s+(?:\w+\s+)?"
    r"(?:jonnekin|johonkin|jollekin|minnekaan|mihinkaan|kenellekaan)\b"
)
# a sole trader's business, or one's own, thought about ("työtön insinööri miettii toiminimeä"): starting one
FORM_THOUGHT_OF = re.compile(
    r"\b(?:miettii|mietti|harkitsee|harkitsi|suunnittelee|pohtii|haaveilee)\s+(?:\w+\s+)?"
    r"(?P<form>toiminime\w*|kevytyrittaj\w*|omaa\s+yritysta|omaa\s+firmaa)"
    # ... or going one's own way ("pelkää hypätä omilleen", "lähtis omilleen")
    r"|\b(?:hypata|hypataan|hypannyt|lahtea|lahtis|lahtisi|lahtee|ryhtya|siirtya|jaada)\s+(?P<own_way>omilleen|omillensa"
    r"|omilleni|omillemme)\b"
    # ... or would try it ("opiskelija haluis kokeilla yrittämistä kesällä")
    r"|\b(?:kokeilla|kokeilemaan|testata)\s+(?P<trying>yrittamista|yrittajyytta|yrittajana|kevytyrittajyytta)\b"
    # ... or a line of one's own ("työtön metsäkoneenkuljettaja harkitsee omaa urakointia")
    r"|\b(?:miettii|harkitsee|suunnittelee|pohtii|haaveilee)\s+omaa\s+(?P<own_line>\w+(?:ointia|ointi|ntaa))\b"
)
# the unemployment benefit lost by starting ("pelkää että päivärahat menee heti", "pelkään että menetän Kelan
# etuudet"): the start-up grant's question, no sickness allowance
BENEFIT_LOST = re.compile(
    r"\b(?P<benefit>paivaraha\w*|tyottomyysturva\w*|ansiosidonnai\w*)\s+(?:\w+\s+)?"
    r"(?:menee|menevat|loppuu|loppuis|lakkaa|katkeaa|viedaan)\b"
    r"|\bmenet\w*\s+(?:\w+\s+)?(?P<benefit_lost>paivaraha\w*|tyottomyysturva\w*|ansiosidonnai\w*|etuud\w*|tuet|tukensa"
    r"|opintotu\w*)"
)
# none of the foremen or managers able to lead ("none of the foremen know how to lead people"): their training
STAFF_CANNOT_LEAD = re.compile(
    r"\b(?:none|nobody|no\s+one|neither)\s+(?:\w+\s+){0,3}?knows?\s+how\s+to\s+(?P<lead_en>lead|manage)\b"
    r"|\b(?:foremen|foreman|supervisors|managers|esimiehet|esihenkilot|tyonjohtajat)\s+(?:\w+\s+){0,2}?"
    r"(?:ei|eivat|don'?t|do\s+not|can'?t)\s+(?:\w+\s+)?(?P<lead_staff>osaa|osaa\s+johtaa|know\s+how)\b"
)
# nobody who can use or program what the company has ("uus cnc-kone tuli eikä kukaan osaa ohjelmoida sitä",
# "nobody knows how to use it"): the staff's training
NOBODY_CAN_USE = re.compile(
    r"\b(?:(?:kukaan|kukkaan)\s+ei|(?:ei|eika)\s+kukaan|ei\s+meilla\s+kukaan)\s+(?:\w+\s+)?(?P<skill>osaa|osannut|hallitse)"
    r"\s+(?:\w+\s+)?(?:kayttaa|kayttamaan|ohjelmoida|ohjelmoimaan|ajaa|huoltaa|korjata|asentaa|kaytton)\b"
    r"|\b(?:nobody|no\s+one|none\s+of\s+(?:us|them|the\s+staff))\s+(?:\w+\s+)?(?P<skill_en>knows|can)\s+(?:how\s+to\s+)?"
    r"(?:use|program|operate|run)\b"
)
# a buyer who may not pay ("pelkää ettei ruotsalainen ostaja maksa"): the credit risk that guarantees cover
BUYER_MAY_NOT_PAY = re.compile(
    r"\bettei\s+(?:\w+\s+){0,2}?(?:asiakas|ostaja|tilaaja|maahantuoja|jalleenmyyja)\s+(?P<not_pay>maksa)\b"
)
# neighbours who complain of the business ("tallin laajennus seis kun naapurit valittaa"): the permits and the
# authority that decides
NEIGHBOURS_COMPLAIN = re.compile(
    r"\b(?:naapur\w*|kylalaiset|asukkaat|neighbou?rs?)\s+(?:\w+\s+)?"
    r"(?P<complain>valitta\w*|valitti|valittivat|valittaneet|vastustaa|vastustavat|vastusti|complain\w*|object\w*)"
)
# the company handed on to the next generation ("firma pitäis siirtää pojalle", "tilan siirto tyttärelle"): a change of
# owner; moving premises or a payment date is none
HANDED_ON = re.compile(
    r"\b(?P<handed>siirt\w*|luovutt\w*|luovuttaa)\s+(?:\w+\s+){0,2}?(?:pojalle|pojille|tyttarelle|tyttarille|lapsille"
    r"|lapselle|jatkajalle|vavylle|minialle|seuraavalle\s+polvelle)\b"
)
# the owner stepping down ("ky:n isäntä haluaa jäädä pois", "omistaja jättäytyy sivuun"): a change of owner
OWNER_STEPS_DOWN = re.compile(
    r"\b(?:isanta|emanta|omistaja|osakas|yhtiomies|vastuunalainen)\s+(?:\w+\s+)?(?:jaada|jaa|jaamassa|jattaytyy|jattaytya"
    r"|vetaytyy|vetaytya)\s+(?P<steps_down>pois|sivuun)\b"
)
# carrying on or selling, weighed ("en tiedä jatkanko vai myynkö"): the change of owner; not carrying on or stopping
# ("jatkaako vai lopettaako lypsyn")
CARRY_ON_OR_SELL = re.compile(
    r"\b(?:jatkanko|jatkaako|jatkaisko|jatkaisinko|jatkaisiko|jatketaanko|jatkammeko)\s+(?:vai|tai)\s+"
    r"(?P<sell>myynko|myyko|myydako|myisinko|myisiko|myydaanko|myisko|luovunko|luopuuko)\b"
)
# the lease ended or the premises to leave ("landlord terminated the lease", "vuokrasopimus irtisanottiin",
# "pitää muuttaa pois kahdessa kuukaudessa"): new premises
LEASE_ENDED = re.compile(
    # not one's home ("vuokranantaja irtisanoi mun asunnon vuokrasopimuksen")
    r"^(?!.*\b(?:asunno\w*|asunto\w*|kotini|kodin|apartment|flat|home)\b).*?(?:"
    r"\b(?:landlord|vuokranantaja\w*)\s+(?:\w+\s+)?(?P<terminated>terminated|ended|cancelled|irtisanoi|irtisano\w*|purki)\b"
    r"|\b(?:lease|vuokrasopimus|vuokrasopimuksen)\s+(?:\w+\s+){0,2}?(?P<lease_ended>terminated|ended|irtisanottiin"
    r"|irtisanottu|paattyy|loppuu|purettiin)\b"
    r"|\b(?P<move_out_en>move\s+out|to\s+vacate)\b"
    # ... or the landlord who sells the building ("vuokranantaja myy kiinteistön ja meidän pitää lähteä")
    r"|\bvuokranantaja\w*\s+(?:\w+\s+)?(?P<sold_under>myy|myi|myymassa|myynyt)\b)",
    re.DOTALL,
)
# papers to have in order before opening ("grillikioski satamaan, mitä papereita pitää olla kunnossa"): permits
PAPERS_NEEDED = re.compile(
    r"\b(?:mita|mitka|jotain|mitaan|tarviiko|tarvitaanko|tarvitseeko)\s+(?:\w+\s+)?(?P<papers>papereita|paperit|paperia"
    r"|papruja|lupapapereita)\b"
    # ... or alcohol to be sold ("ravintola haluaa myydä kaljaa terassilla"): its licence
    r"|\b(?:myyda|myymaan|myis|myisi|anniskell\w*|tarjoilla|tarjoilemaan)\s+(?:\w+\s+)?"
    r"(?P<alcohol>kaljaa|olutta|alkoholia|viinia|siideria|lonkeroa|alkoholijuomia|viinaa)\b"
)
# an entrepreneur's sick leave, and money for its time ("olin kolme kuukautta sairaslomalla, yrittäjänä en tiedä saanko
# mistään rahaa"): the sickness allowance, no loan
SICK_LEAVE_MONEY = re.compile(
    r"\b(?P<sick>sairaslomalla|sairauslomalla|sairaslomaa|sairauslomaa|saikulla)\b[^.;]{0,80}?"
    r"\b(?:rahaa|rahat|korvaus\w*|paivaraha\w*|toimeentulo\w*|tuloja)\b"
)
# the rent raised ("vuokranantaja nosti vuokraa 40 %", "vuokra tuplaantui"): a cost the business must carry, no
# premises sought, unless cheaper ones are ("etsii halvempaa tilaa", "pitää muuttaa mut minne")
RENT_RAISED = re.compile(
    r"^(?!.*\b(?:etsi\w*|loyt\w*|loyd\w*|halvemp\w*|edullisemp\w*|muutt\w*|minne|tila|tilan|tilat|tiloja|tilaa|uus\w*\s+tila\w*"
    r"|toimitil\w*|liiketil\w*|halli\w*)\b).*?"
    r"(?:\bvuokranantaja\s+(?:\w+\s+)?(?:nosti|nostaa|korotti|korottaa|nostanut)\s+(?:\w+\s+)?(?P<rent>vuokraa|vuokran)\b"
    r"|\b(?P<rent_rose>vuokra|vuokrakin)\s+(?:\w+\s+)?(?:nousi|nousee|tuplaantui|tuplaantu|kallistui|nousu)\b)",
    re.DOTALL,
)
# materials that cannot be bought in advance ("voitti ison urakan, mutta ei pysty ostamaan materiaaleja etukäteen"):
# working capital
MATERIALS_UPFRONT = re.compile(
    r"\b(?:ei|eika)\s+(?:pysty|pystyta|voi|kykene)\s+(?:ostamaan|maksamaan|rahoittamaan|rahottaan|hankkimaan)\s+"
    r"(?:\w+\s+)?(?P<upfront>materiaale\w*|tarvikke\w*|raaka-aine\w*|raaka-ainei\w*)"
    # ... or cash that does not stretch to them ("kassa ei riitä raaka-aineiden ostoon etukäteen")
    r"|\b(?:kassa|rahat|raha|kassavirta)\s+(?:ei|eika)\s+(?:riita|riittanyt)\s+(?:\w+\s+)?"
    r"(?P<upfront_cash>raaka-aine\w*|materiaal\w*|tarvikk\w*)"
)
# an owner who does everything himself and has no time to think ahead ("omistaja tekee kaiken itse eikä ehdi miettiä
# tulevaisuutta"): an adviser's and a mentor's question
NO_TIME_TO_LEAD = re.compile(
    r"\b(?:ei|eika|en)\s+(?:\w+\s+)?(?P<no_time>ehdi|kerkea|keriia|kerkia)\s+(?:\w+\s+)?"
    r"(?:miettia|kehittaa|suunnitella|johtaa|ajatella)(?:\s+(?:tulevaisuutta|tulevaa|strategiaa|kehittamista))?\b"
)
# nobody known around ("ei tunne alueelta ketään", "ei tunne vielä muita yrittäjiä"): a network to join
KNOWS_NOBODY = re.compile(
    r"\b(?:ei|eika)\s+(?:\w+\s+)?(?P<knows>tunne|tunneta|tunnu\s+tuntevan)\s+(?:\w+\s+){0,3}?"
    r"(?:ketaan|kenekaan|muita\s+yrittajia|yrittajia|yrittajaa|ihmisia)\b"
)
# aid or money demanded back ("ELY vaatii osan tuesta takasin", "tukea peritään takaisin"): a debt to get through,
# no aid to apply for
CLAWED_BACK = re.compile(
    r"\b(?:vaatii|vaativat|vaatinut|perii|periaa|peritaan|perimassa|haluaa)\s+(?:\w+\s+){0,3}?(?P<back>takaisin|takasin)\b"
    r"|\b(?P<back_noun>takaisinperin\w*|clawback)\b"
)
# the body that no longer bears the work ("selkä ei enää kestä raskasta työtä", "polvet ei kestä"): the entrepreneur's
# (or a spouse's) work ability
BODY_GIVING_OUT = re.compile(
    r"\b(?P<body>selka|selkani|polvet|polvi|olkapaa|olkapaat|kadet|ranteet|lonkka)\s+(?:\w+\s+)?"
    r"(?:(?:ei|eika)\s+(?:enaa\s+|oikein\s+)?(?:kesta|kestanyt|jaksa|toimi)|petti|pettanyt|prakas\w*|hajos\w*"
    r"|leikattiin|leikattu|leikattava|leikataan)\b"
    # ... or is why one cannot work ("ei selän takia pysty enää tekemään fyysistä työtä")
    r"|\b(?P<body_why>selan|polven|polvien|olkapaan|lonkan|kasien|ranteiden)\s+(?:takia|vuoksi)\b"
    # ... or work that the entrepreneur cannot do for a while ("ei pysty töihin kuukauteen")
    r"|\b(?:ei|eika)\s+(?:pysty|pysty\s+tekemaan|kykene)\s+(?P<work>toihin|toita|tyota)\s+(?:\w+\s+)?"
    r"(?:kuukau\w*|viikko\w*|viikkoon|pariin|hetkeen|aikaan)"
)
# the founder's living before the business earns ("miten eläis ekat kuukaudet", "ennen ku toiminta tuottaa"): the
# start-up grant's question
FIRST_MONTHS = re.compile(
    r"\b(?P<living>elaa|elais|elaisi|paarja\w*|toimeentul\w*|elant\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:(?:ekat|ensimmaiset|alun)\s+kuukaudet|alkuaika|alkuajan|alkuaikana|alussa)\b"
    r"|\bennen\s+(?:kuin|ku)\s+(?:toiminta|yritys|bisnes|firma)\s+(?P<earns>tuottaa|kannattaa|alkaa\s+tuottaa)\b"
    # ... or gets by the first months, before income comes ("miten pärjää alkukuukaudet ennen ku tuloja tulee")
    r"|\b(?P<gets_by>parjaa|parjata|parjais\w*|selviaa|selvita)\s+(?:\w+\s+)?(?:alkukuukaudet|alkukuukausina|alkuaika"
    r"|ensimmaiset\s+kuukaudet)\b"
    r"|\bennen\s+(?:kuin|ku)\s+(?P<income_comes>tuloja|tuloa|rahaa)\s+(?:alkaa\s+)?(?:tulee|tulla|tuu)\b"
    # ... or income that would not cover even food at first ("pelkää etteivät tulot riitä ensimmäisenä vuonna edes
    # ruokaan")
    r"|\b(?P<income>tulot|tulo|rahat)\s+(?:\w+\s+)?(?:riita|riittais|riittaisi)\s+(?:\w+\s+){0,2}?"
    r"(?:ensimmaisena|alussa|alkuun|aluksi)\b"
    # ... in English ("how does he survive the first months without income")
    r"|\b(?P<survive>survive|live|get\s+by|pay\s+the\s+bills)\s+(?:\w+\s+){0,3}?first\s+(?:few\s+)?months\b"
)
# the company collapsing ("kun firma kaatuu päälle", "the business is collapsing"), or staff to be dismissed
# ("joutuu irtisanomaan puolet porukasta"): trouble, and lay-offs; not a program that crashes, nor a lease ended
COMPANY_COLLAPSING = re.compile(
    r"\b(?:firma|yritys|yhtio|bisnes|liiketoiminta|company|business)\w*\s+(?:\w+\s+)?"
    r"(?P<falls>kaatuu|kaatumassa|kaatui|kaatunut|kaatuis\w*|collaps\w*|going\s+under|menee\s+nurin|meni\s+nurin"
    r"|mennyt\s+nurin|menis\s+nurin)"
)
# ... or its income gone entirely ("myynti loppunut kokonaan", "tulot loppu kokonaan")
INCOME_GONE = re.compile(
    r"\b(?:myynti|tulot|tulo|kassavirta|tilaukset|liikevaihto|sales|income|revenue)\s+(?:on\s+|ovat\s+|has\s+)?"
    r"(?P<gone>loppunut|loppu|loppui|loppuneet|tyrehtynyt|stopped|dried\s+up)\s+(?:aivan\s+|ihan\s+)?"
    r"(?:kokonaan|taysin|completely|entirely)\b"
)
TO_BE_DISMISSED = re.compile(r"\b(?P<dismissed>irtisanottav\w*)\b")  # "auttaa irtisanottavia"
# ... the staff named first ("väkeä pitäis vähentää", "porukkaa joutuu irtisanomaan")
STAFF_TO_REDUCE = re.compile(
    r"\b(?:vakea|porukkaa|tyontekijoita|henkilostoa|asentajia)\s+(?:\w+\s+){0,2}?"
    r"(?P<reduce>vahentaa|vahentamaan|irtisanoa|irtisanomaan)\b"
)
STAFF_DISMISSED = re.compile(
    r"\b(?P<dismiss>irtisano(?:a|maan|mista|taan|mme|isi|is|i)|vahentamaan|vahentaa|vahennetaan|vahentamista)\s+(?:\w+\s+){0,2}?"
    r"(?:porukka|porukasta|tyontekij\w*|henkilost\w*|henkilokun\w*|vakea|vaesta|asentaj\w*|hloa?|henkiloa)\b"
)
# staff sent home for a while ("porukka pitäis kai laittaa kotiin pariks kuukaudeks", "may have to send people home"):
# temporary lay-offs
SENT_HOME = re.compile(
    r"\b(?:laitta\w*|laite\w*|lahetta\w*|lahete\w*|send|sending)\s+(?:[\w-]+\s+){0,2}?(?P<home>kotiin|home)\b"
)
# wages there is no money for ("ei rahaa palkkoihin", "ei oo varaa maksaa palkkoja"): the staff's pay, trouble; not
# one hire's pay ("koko palkkaan ei oo varaa" asks for a wage subsidy)
NO_MONEY_FOR_WAGES = re.compile(
    r"\b(?:ei|eika)\s+(?:ole\s+|oo\s+)?(?:rahaa|varaa|rahat\s+riita)\s+(?:maksaa\s+|maksamaan\s+)?(?:\w+\s+){0,2}?"
    r"(?P<wages>palkkoihin|palkkoja|palkat|palkkojen)\b"
)
# ... or none for them said so ("ei pysty maksamaan palkkoja", "can't pay staff salaries next month")
CANNOT_PAY_WAGES = re.compile(
    r"\b(?:ei|eika)\s+(?:pysty|pystyta|voi|kykene)\s+maksa\w*\s+(?:\w+\s+)?(?P<wages>palkkoja|palkat|palkkoihin)\b"
    r"|\b(?:can'?t|can\s+not|cannot|unable\s+to)\s+pay\s+(?:\w+\s+){0,2}?(?P<wages_en>salaries|wages|payroll)\b"
    # ... or the bills, the suppliers, the rent ("we can't pay our suppliers", "eikä rahat riitä vuokraan")
    r"|\b(?:can'?t|can\s+not|cannot|unable\s+to|can\s+no\s+longer)\s+pay\s+(?:\w+\s+){0,2}?"
    r"(?P<bills_en>suppliers|bills|invoices|rent|taxes)\b"
    r"|\b(?:ei|eika)\s+(?:rahat\s+|raha\s+)?(?:riita|pysty\s+maksamaan|pystyta\s+maksamaan)\s+"
    r"(?P<bills>vuokraan|vuokria|vuokraa|laskuihin|laskuja|toimittajille|veroihin|veroja|lainanlyhennyksiin"
    r"|lyhennyksiin|lainanlyhennyksia|lyhennyksia|lainoihin)\b"
    # ... or left unpaid ("rahat loppu, palkat maksamatta")
    r"|\b(?P<wages_unpaid>palkat|palkkoja)\s+(?:on\s+|ovat\s+|jaa\s+|jaaneet\s+|jaanyt\s+)?maksamatta\b"
)
# an owner who cannot lead the staff ("porukka riitelee ja en mä osaa johtaa", "ei osaa olla esimies"): the adviser's
# and a mentor's question
CANNOT_LEAD = re.compile(
    r"\b(?:en|ei|eika)\s+(?:ma\s+|mina\s+|mie\s+|han\s+|oikein\s+)*(?:osaa|osannut|osaa\s+oikein)\s+"
    r"(?P<lead>johtaa|johtamaan|esimiehena|esihenkilona)\b"
    r"|\b(?P<quarrel>riitelee|riitelevat|riitoja|riitaa)\b(?=[^.;]{0,60}?\b(?:porukk|tyontekij|henkilost|vaki|staff))"
    r"|\b(?:porukka|tyontekijat|henkilosto|henkilokunta|vaki)\s+(?P<quarrel_after>riitelee|riitelevat|riitelevät)\b"
)
# the entrepreneur no longer sleeping, or everything falling on them ("ei ole nukkunut kunnolla kuukausiin ja kaikki
# tuntuu kaatuvan päälle"): their coping
OVERWHELMED = re.compile(
    r"\b(?:ei|en|ettei)\s+(?:ole|oo)\s+(?P<slept>nukkunut|nukkunu)\b"
    r"|\bkaikki\s+(?:\w+\s+)?(?P<falls>kaatuu|kaatuvan|kaatumassa)\s+paalle\b"
)
# more work than one can do alone ("töitä olis enemmän kuin ehtii tehdä yksin"): a hire
MORE_WORK_THAN_HANDS = re.compile(
    r"\b(?P<work>toita|hommia|tilauksia|keikkoja)\s+(?:\w+\s+){0,2}?enemman\s+kuin\s+(?:\w+\s+){0,3}?"
    r"(?:yksin|ehtii|ehdi|kerkiaa|jaksaa)\b"
)
# the owner's own pay or a profit that the work does not leave ("tekee 60 h viikossa mut ei silti jää itelle
# palkkaa", "omaa palkkaa ei oo pystyny nostamaan", "can't pay myself"): the business earns too little, the adviser's
# question
NO_OWN_PAY = re.compile(
    r"\b(?:ei|eika)\s+(?:\w+\s+){0,2}?(?:jaa|jaanyt|riita|pysty|pystyny|pystynyt|voi|saa)\s+(?:\w+\s+)?"
    r"(?:itelle|itselle|itselleen|itsellensa|mulle|minulle|hanelle|omaa|yrittajalle)\s+(?P<own_pay>palkkaa|liksaa)\b"
    r"|\bomaa\s+(?P<own_pay_first>palkkaa|liksaa)\s+(?:\w+\s+)?(?:ei|eika)\b"
    r"|\b(?:can'?t|can\s+not|cannot|unable\s+to)\s+pay\s+(?P<own_pay_en>myself|himself|herself|themselves)\b"
    # ... or anything ("kaikki raha menee palkkoihin ja tavarantoimittajille eikä itselle jää mitään")
    r"|\b(?:ei|eika)\s+(?:itelle|itselle|mulle|minulle|omistajalle|yrittajalle)\s+jaa\s+(?P<nothing>mitaan)\b"
    # ... nor on the account ("tilille ei jää mitään", "käteen ei jää mitään")
    r"|\b(?:tilille|kateen|kassaan|taskuun)\s+(?:ei|eika)\s+(?:enaa\s+)?jaa\s+(?P<nothing_left>mitaan)\b"
    # ... nor a profit ("liikevaihto kasvaa mutta rahaa ei jää viivan alle")
    r"|\b(?:ei|eika)\s+(?:\w+\s+){0,2}?jaa\s+(?:\w+\s+)?(?P<profit>viivan)\s+alle\b"
    r"|\b(?P<profit_first>viivan)\s+alle\s+(?:ei|eika)\b"
)
# the entrepreneur worn out ("yrittäjä aivan loppu", "omistaja ihan puhki", "oon täysin poikki"): their coping
WORN_OUT = re.compile(
    r"\b(?:yrittaja\w*|omistaja\w*|isanta|emanta|olen|oon|ma|mina|han|vaimo|mies|puoliso|itse|ite)\s+"
    r"(?:on\s+|oli\s+|ovat\s+|o\s+)?(?:ihan|aivan|taysin|totaalisen|niin)\s+(?P<worn>loppu|puhki|poikki|kypsa|loppuunpalanut)\b"
)
# money for what is planned, none had ("an app idea but no money to build the first version", "needs money to hire
# its first two developers"): financing; the hire it pays for is no hire asked about
MONEY_FOR_PLAN = re.compile(
    r"\b(?:no|not\s+enough|lacks?|without|needs?|needing|wants?)\s+(?P<money_en>money|funds|funding|capital)\s+"
    r"(?:to|for)\s+(?:build|develop|launch|make|start|hire|hiring|buy|finish)\w*"
)
# more of what the business rents or runs on, needed ("tarvitsisimme kaksi uutta mökkiä"): an investment
NEW_UNITS = re.compile(
    r"\b(?:tarvi\w*|tarvis\w*|tartteis\w*|haluais\w*|haluaisi\w*|rakentais\w*)\s+(?:\w+\s+)?"
    r"(?:uutta|uuden|uudet|lisaa|kaksi|kolme|nelja|\d+)\s+(?:uutta\s+|lisaa\s+)?"
    r"(?P<units>mokkia|mokin|mokit|majoitusmokkia|aittaa|huonetta|saunaa|konetta|kaivuria|autoa|venetta|kelkkaa)\b"
)
# a worker needed ("tarvitsisimme ehkä yhden työntekijän kesäksi", "3 hitsaajaa tarvis heti"): a hire
WORKER_NEEDED = re.compile(
    r"\b(?:tarvi\w*|tarvis\w*|tartteis\w*)\s+(?:\w+\s+){0,6}?(?:yhden|kaksi|kolme|\d+|uuden|lisaa)\s+"
    r"(?P<worker>tyontekijan|tyontekijaa|tyontekijat|tekijan|tekijaa|kesatyontekijan|kesatyontekijaa|miesta|miehen"
    r"|kaveria|henkea)\b"
    r"|\b(?:\d+|kaksi|kolme|nelja|viisi|kuusi)\s+(?P<workers_first>\w{3,}(?:jaa|jia))\s+(?:tarvi\w*|tarvis\w*"
    r"|tartteis\w*|puuttuu|haetaan)\b"
)
# a grant refused ("ELYstä tuli hylky mutta firma tarvii silti rahaa", "BF hylkäsi hakemuksen"): the money still needed
# is financing, no grant applied for again
GRANT_REFUSED = re.compile(
    r"\b(?:ely\w*|elinvoimakesku\w*|bf\w*|business\s+finland\w*|tukihakemus|hakemus|avustushakemus)\s+(?:\w+\s+)?"
    r"(?:tuli\s+)?(?P<refused>hylky|hylkays|hylkasi|hylattiin|hylatty|kielteinen|kielteisen|rejected)\b"
)
# more than the company can pay itself ("ei pysty maksaan kaikkea ite", "can't fund it all ourselves"): financing
SELF_FUNDING_SHORT = re.compile(
    r"\b(?:ei|eika)\s+(?P<pay>pysty|pystyta|voi|jaksa)\s+(?:maksa\w*|rahoitta\w*)\s+(?:kaikkea|kaiken|koko\w*)\s+"
    r"(?:itse|ite|omilla|omin)\b"
    # ... or too much to carry alone ("400 t€ on liikaa yksin kannettavaksi")
    r"|\b(?:liikaa|liian\s+paljon|liian\s+iso|liian\s+suuri|too\s+much)\s+(?:\w+\s+)?(?:yksin|itse|ite|alone)\s+"
    r"(?P<carry>kannettavaksi|maksettavaksi|rahoitettavaksi|to\s+carry|to\s+fund|to\s+finance)"
)
# money to live on after the company ("jos firma menee nurin, saako yrittäjä sen jälkeen mistään rahaa elämiseen"):
# the entrepreneur's own security, no loan
LIVING_MONEY = re.compile(r"\brahaa\s+(?P<living>elamiseen|elantoon|toimeentuloon|elaakseen)\b")
