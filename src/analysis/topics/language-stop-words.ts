// Words that are never topics in the languages whose topics earshot reads (es, fr, pt, it,
// de), as English has wink's stop flags and stop-words.ts: articles, pronouns, prepositions,
// conjunctions, the commonest verbs' forms (be, have, do, go, can, want, say, see, give,
// put, seem, stay, think: no topic alone), adverbs of time and degree, chat filler, days,
// months, number words, and the vague nouns that would top every list (thing, time, day,
// people). Written for earshot; matched after folding accents (light-stem.ts `foldWord`),
// so "está" and "esta", "à" and "a" are one entry.
import { foldWord } from './light-stem.js';

const WORDS: Record<string, string> = {
  es: `a al algo alguien algún alguna algunas alguno algunos allí ahí aquí ante antes así aun aún aunque bajo bastante bien cada casi
    como cómo con contra cual cuál cuales cuando cuándo cuanto cuánto de del desde donde dónde dos durante e el él ella ellas ellos
    en entre era eras eres es esa esas ese eso esos esta está estaba estado estamos están estar estas este esto estos estoy fue fueron
    fui ha habéis había han has hasta hay haya he hemos hoy la las le les lo los mas más me mi mí mis mucha muchas mucho muchos muy
    nada ni no nos nosotros nuestra nuestro nunca o os otra otras otro otros para pero poco por porque qué que quien quién se sea
    según ser si sí sido siempre sin sobre solo sólo son soy su sus también tan tanto te tengo tenemos tener tiene tienen toda todas
    todo todos tu tú tus un una unas uno unos usted ustedes va vais vamos van voy y ya yo
    hace hacer hago hecho hizo haber puede pueden puedo podría poder pues quiero quiere quieren dice dicen dijo digo decir ver veo
    visto da dan dar doy pone poner parece queda quedar creo cree sé sabe saber hablar tenía tuve tenido
    vez veces cosa cosas gente día días mes meses año años semana hora horas minutos rato momento nuevo nueva nuevos nuevas
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre ayer mañana noche ahora luego después todavía ya sigue sigo siguen seguimos
    uno dos tres cuatro cinco seis siete ocho nueve diez veinte cien mil primer primero primera segundo
    jaja jajaja jajajaja jeje xd ok vale bueno oye hola gracias porfa favor pls vía rt
    encanta encantan gusta gustan guay wow`,
  fr: `a à afin ai aie aient ainsi alors as au aucun aucune aujourd aujourd'hui auquel aussi autre autres aux avaient avais avait avant
    avec avez aviez avoir avons ayant bah beaucoup bien bon ça ce ceci cela celle celles celui cependant certain ces cet cette ceux chez
    ci comme comment d dans de des donc dont du elle elles en encore entre es est et étaient étais était été être eu eux fait faire fais
    font il ils j je jamais l la là le les leur leurs lui m ma mais me même mes moi moins mon n ne ni non nos notre nous on ont ou où
    par parce pas peu peut peuvent peux plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se sera ses si
    sien soit son sont sous suis sur t ta te tes toi ton tous tout toute toutes très tu un une unes uns vers voici voilà vos votre
    vous vu y
    va vais vont aller allé dit dire dis vois voir veux veut voulu vouloir sais sait savoir donne donner met mettre semble reste
    rester crois croire trouve parle avoir été j'ai c'est n'est qu'il
    chose choses truc gens fois mois hui nouveau nouvelle nouveaux nouvelles nouvel an ans année années semaine heure heures minutes moment
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre
    décembre hier demain soir matin maintenant depuis déjà toujours ensuite aprem
    un deux trois quatre cinq six sept huit neuf dix vingt cent mille premier première
    mdr lol ptdr stp svp merci bonjour salut ok oui ouais euh bref hello coucou via rt
    enfin waouh wow ouah adore aime j'adore`,
  pt: `a à ao aos aquela aquele aquilo as às até com como da das de dela dele deles depois do dos e é ela elas ele eles em entre era
    essa essas esse esses esta está estão estar estas este estou eu foi fomos for foram há isso isto já la lá lhe lhes mais mas me
    mesmo meu meus minha minhas muito muitos na não nas nem no nos nós nossa nosso num numa o os ou para pela pelas pelo pelos por
    porque pra pro quando que quem se sem ser seu seus si só sua suas também te tem têm tenho ter teu toda todas todo todos tu tua
    um uma umas uns você vocês vos
    faz fazer fez feito pode podem posso poder quero quer querem diz dizem disse dizer ver vejo visto dá dar dou põe pôr parece fica
    ficar acho acha sei sabe saber vai vou vamos vão ir estava tinha teve tive sido
    coisa coisas gente dia dias mês meses ano anos semana hora horas minutos vez vezes momento novo nova novos novas
    segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro
    dezembro ontem amanhã hoje noite agora ainda sempre nunca continua
    dois duas três quatro cinco seis sete oito nove dez vinte cem mil primeiro primeira
    kkk kkkk kkkkk rs rsrs haha hahaha oi olá obrigado obrigada valeu ok tipo né aí pq vc vcs tb tbm via rt
    adoro amei amo gosto uau`,
  it: `a ad agli ai al alla alle allo anche ancora c che chi ci coi col come con contro cui da dagli dai dal dalla dalle dallo degli
    dei del dell della delle dello di dove e è ed era erano essere fa gli ha hai hanno ho i il in io l la le lei li lo loro lui ma
    mi mia mie miei mio ne negli nei nel nell nella nelle nello no noi non nostra nostro o per perché però più poi qua quale quando
    quanto quella quelle quelli quello questa queste questi questo qui se sei si sia siamo siete sono su sua sue sui sul sull sulla
    sulle suo suoi ti tra tu tua tue tuo tuoi tutta tutte tutti tutto un una uno vi voi
    fare fatto faccio può possono posso potere voglio vuole vogliono dice dicono detto dire vedo vedere visto dà dare do mette
    mettere sembra resta restare credo penso so sa sapere va vado vanno andare stato stata sto sta stai stanno stare avere aveva
    cosa cose gente giorno giorni mese mesi anno anni settimana ora ore minuti volta volte momento nuovo nuova nuovi nuove
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre
    ottobre novembre dicembre ieri domani oggi sera mattina adesso già sempre mai
    due tre quattro cinque sei sette otto nove dieci venti cento mille primo prima
    ahah ahahah haha ciao grazie ok sì boh dai tipo cmq xké perché via rt
    piace piacciono adoro amo wow`,
  de: `aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bist da dabei damit dann das dass dein deine
    dem den denn der des dich die dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen
    hab habe haben hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre im in ins ist ja jede jeder jetzt kann kein keine
    können man mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine sich sie sind so
    soll sollte über um und uns unser unter vom von vor war waren warum was weil wenn wer wie wieder wir wird wo zu zum zur
    seit seitdem bereits gerade wegen trotz während zwischen dies diese dieser diesem diesen dieses jemand ganz gar total
    mal gibt geht gehen gemacht machen macht mache sagen sagt gesagt sehen sieht gesehen geben gibt steht stehen bleibt finde
    glaube weiß will wollen möchte würde wurde worden werden kommt kommen kam kamen gekommen neu neue neuen neuer neues
    ding dinge sache leute tag tage monat monate jahr jahre woche stunde stunden minuten mal zeit
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober
    november dezember gestern morgen heute abend nacht immer
    zwei drei vier fünf sechs sieben acht neun zehn zwanzig hundert tausend erste ersten
    haha lol danke bitte hallo hey okay ok ne naja halt eigentlich einfach echt via rt
    liebe mag wow`,
};

const STOP: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(WORDS)
  .map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter((w) => w !== '').map((w) => foldWord(w, lang)))]));

/** True when `lang` has a stop list here (its topics are read by language-terms.ts). */
export function hasTopicLanguage(lang: string): boolean {
  return STOP.has(lang);
}

/** True when the folded word is never a topic in `lang`. */
export function isLanguageStopWord(lang: string, folded: string): boolean {
  return STOP.get(lang)?.has(folded) ?? false;
}

/** The stop lists, for the analysis version (a changed list re-analyses stored mentions). */
export const LANGUAGE_STOP_WORDS: Readonly<Record<string, string>> = WORDS;
