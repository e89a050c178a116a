import { lastDays, steady, type Scenario } from './generate.js';

/**
 * Problems told mostly in another language than English (issue 32), each beside a bigger
 * positive spike, a steady complaint, a spammer and some English chatter. The posts carry
 * no language tag (`lang: null`): the analyser detects it, as for a source that sends none.
 * Every word form a topic must gather is in them ("envío", "envíos", "enviar", "enviado";
 * "redémarre", "redémarrer", "redémarrage").
 */

/** A Spanish online shop: orders stop shipping after a courier change, beside a sale twice its size. */
export function spanishShippingScenario(end: Date): Scenario {
  return {
    brand: 'Tiendalia', handle: '@TiendaliaES', products: ['la app', 'la web', 'Tiendalia Plus'], end, days: 21, seed: 3201,
    streams: [
      {
        name: 'charla', authors: 900, perDay: steady(40), lang: null,
        cores: ['compré unas zapatillas en {brand} para mi hermano', '¿alguien sabe si {brand} tiene tienda física en Madrid?', 'mirando ofertas en {brand} a la hora de comer',
          '¿{brand} o Amazon para comprar una freidora de aire?', '{product} de {brand} ahora tiene modo oscuro', 'hice la compra de la semana en {brand}',
          '¿{brand} acepta bizum o solo tarjeta?', 'pedí una funda para el móvil en {brand}', 'mi madre compra todo en {brand} desde que se jubiló',
          'me he hecho socia de {brand} Plus por fin', 'qué regalo le compro a mi sobrino en {brand}?', 'buscando una mesa de escritorio barata en {brand}'],
        openers: ['', '', '', 'bueno,', 'oye', 'pregunta:', 'jaja', 'a ver'],
        closers: ['', '', '', '!', '...', ' 🤷', ' jaja', ' 😅'],
      },
      {
        name: 'chatter', authors: 300, perDay: steady(6),
        cores: ['ordered a lamp from {brand} while on holiday in spain', 'does {brand} deliver to gibraltar?', 'my spanish flatmate swears by {brand} for everything',
          'is {brand} the spanish amazon?', 'bought sunglasses on {brand} in malaga, cheap and fine'],
      },
      {
        name: 'atencion', authors: 500, perDay: steady(8), lang: null,
        openers: ['', '', '', 'otra vez', 'en serio', 'hola,'],
        cores: ['llevo una hora esperando al teléfono con la atención al cliente de {brand}', 'la atención al cliente de {brand} no contesta nunca',
          'nadie responde en el chat de {brand}', 'escribí a {brand} hace una semana y sigo sin respuesta', 'el teléfono de atención al cliente de {brand} siempre comunica'],
        closers: ['', ' 😤', '.', ' qué paciencia'],
      },
      {
        name: 'ofertas', authors: 800, perDay: lastDays([110, 100]), engagement: 40, lang: null,
        openers: ['', '', '', 'madre mía', 'ojo:', 'chicas,', 'por fin'],
        cores: ['las ofertas de los Días Locos de {brand} son una pasada', 'me encantan los Días Locos de {brand}, dos abrigos a mitad de precio',
          '¡qué buenos descuentos en los Días Locos de {brand} este año!', 'Días Locos en {brand}: la freidora a 49 euros, genial',
          'he comprado la tele en los Días Locos de {brand}, precio increíble', 'los Días Locos de {brand} son lo mejor del año, me encanta',
          'aprovechando los Días Locos de {brand} para los regalos de Navidad, muy buenas ofertas'],
        closers: ['', ' 🎉', '!', ' 🛍️', ' #DíasLocos', ' 😍'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([35, 35]), verbatim: true, lang: null, cores: ['¡¡sigue a cupones_ya para códigos de descuento de {brand} GRATIS!! 🔥🔥'] },
      {
        name: 'envio', authors: 500, perDay: lastDays([6, 20, 40]), engagement: 20, lang: null,
        cores: ['mi pedido de {brand} lleva una semana sin enviar', 'el envío de {brand} sigue sin llegar, el seguimiento no se mueve desde el lunes',
          '¿a alguien más le ha llegado el envío de {brand}? el mío lleva 8 días parado', 'pagué el envío urgente en {brand} y nada, el paquete sigue en el almacén',
          '{brand} dice que mi pedido está enviado pero el seguimiento no dice nada', 'llevo diez días esperando el envío de {brand}, nadie me explica nada',
          'el paquete de {brand} lleva parado en el almacén de Zaragoza una semana', 'otra vez sin noticias del envío de {brand}, el número de seguimiento no existe',
          'los envíos de {brand} con la nueva empresa de mensajería son un desastre', 'cancelé el pedido de {brand} porque nunca lo enviaron y aún no me devuelven el dinero',
          '{brand} me cobró el envío y el paquete no ha salido del almacén', 'pedido del día 12 y {brand} todavía no lo ha enviado',
          'desde que {brand} cambió de mensajería ningún envío llega a tiempo', 'el seguimiento del envío de {brand} pone "en preparación" desde hace 9 días'],
        openers: ['', '', '', 'vaya.', 'en serio,', 'hola', 'pues nada,', 'otra vez:', 'a ver,'],
        closers: ['', '', '.', ' ¿a alguien más le pasa?', ' 😡', ' en Sevilla', ' en Valencia', ' ya he escrito al chat', ' qué desastre', ' 🙄'],
      },
      {
        name: 'shipping', authors: 100, perDay: lastDays([1, 3, 5]),
        cores: ['my {brand} order still has not shipped, tracking stuck for a week', 'ordered from {brand} ten days ago and the parcel never left the warehouse',
          'anyone else waiting on a {brand} delivery? tracking says nothing'],
      },
    ],
  };
}

/** A French internet provider: boxes that restart by themselves after an update, beside a fibre offer launch. */
export function frenchRebootScenario(end: Date): Scenario {
  return {
    brand: 'Fibrelle', handle: '@Fibrelle_FR', products: ['Pop Box', 'Pop Box Mini', 'box'], end, days: 21, seed: 3202,
    streams: [
      {
        name: 'bavardage', authors: 900, perDay: steady(45), lang: null,
        cores: ['la {product} de {brand} est installée, le technicien était à l\'heure', '{brand} ou une autre offre pour un petit studio ?',
          'quelqu\'un sait comment changer le nom du wifi sur la {product} ?', 'je passe chez {brand} le mois prochain', 'télétravail avec la {product} de {brand} aujourd\'hui',
          'où mettre la {product} pour avoir le meilleur signal ?', 'regardé le match sur le décodeur {brand} avec les copains', '{brand} propose un tarif social ?',
          'mes parents viennent de prendre la {product} de {brand}', 'la télécommande du décodeur {brand} est vraiment petite', 'déménagement : comment transférer ma ligne {brand} ?'],
        openers: ['', '', '', 'bon,', 'question :', 'alors', 'bref', 'hello'],
        closers: ['', '', '', ' !', '...', ' 🤷', ' mdr', ' 😅'],
      },
      {
        name: 'chatter', authors: 300, perDay: steady(6),
        cores: ['my french in-laws use {brand} for their internet', 'is {brand} any good for a flat in lyon?', 'setting up {brand} in our paris airbnb',
          'does {brand} work with a uk router?'],
      },
      {
        name: 'facture', authors: 500, perDay: steady(8), lang: null,
        openers: ['', '', '', 'encore', 'sérieux', 'bonjour,'],
        cores: ['encore une hausse de prix chez {brand}', 'ma facture {brand} a augmenté de 3 euros sans prévenir', '{brand} augmente ses tarifs en plein contrat',
          'la facture {brand} de ce mois est encore plus chère', 'pourquoi ma facture {brand} a encore augmenté ?'],
        closers: ['', ' 😒', '.', ' pfff'],
      },
      {
        name: 'offre', authors: 800, perDay: lastDays([40, 110, 120]), engagement: 40, lang: null,
        openers: ['', '', '', 'waouh', 'alors là', 'les amis,', 'enfin'],
        cores: ['la nouvelle offre fibre 8 Gb de {brand} est géniale', 'passé à la fibre 8 Gb de {brand}, le débit est incroyable',
          'la fibre 8 Gb de {brand} à ce prix, franchement bravo', 'test de débit sur la fibre 8 Gb de {brand} : 7900 en descendant, top',
          'super contente de la fibre 8 Gb de {brand}, tout se télécharge en deux secondes', 'la fibre 8 Gb de {brand} pour le même prix, trop bien'],
        closers: ['', ' 🚀', ' !', ' 😍', ' #fibre'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30, 30]), verbatim: true, lang: null, cores: ['gagnez une {product} {brand} GRATUITE ici !!! cadeau-fibre point com 🎁🎁'] },
      {
        name: 'redemarre', authors: 500, perDay: lastDays([4, 12, 25, 35]), engagement: 20, lang: null,
        cores: ['depuis la mise à jour ma {product} redémarre toute seule toutes les heures', 'la {product} de {brand} redémarre en boucle depuis hier soir',
          'encore un redémarrage de la box {brand} en pleine visio', 'ma box {brand} redémarre sans arrêt, plus de wifi pendant cinq minutes à chaque fois',
          'la box {brand} n\'arrête pas de redémarrer depuis la dernière mise à jour', 'impossible de regarder un film, la {product} redémarre toutes les 30 minutes',
          '{brand} votre mise à jour fait redémarrer les box en boucle', 'troisième redémarrage de la box ce soir, merci {brand}',
          'la box {brand} s\'éteint et redémarre toute seule, voyant rouge puis blanc', 'depuis la mise à jour ma box {brand} a redémarré dix fois aujourd\'hui',
          'la {product} a redémarré en plein match, sérieux {brand}', 'les redémarrages de la box {brand} toutes les heures, ça devient pénible',
          'quelqu\'un d\'autre a sa box {brand} qui redémarre toute seule depuis la mise à jour ?'],
        openers: ['', '', '', 'bon.', 'sérieusement,', 'hello', 'encore :', 'alors'],
        closers: ['', '', '.', ' quelqu\'un d\'autre ?', ' 😡', ' à Lille', ' à Nantes', ' ticket ouvert', ' j\'en ai marre', ' 🙄'],
      },
      {
        name: 'reboot', authors: 100, perDay: lastDays([1, 2, 4]),
        cores: ['my {brand} box keeps rebooting since the update', 'the {brand} router in our paris flat restarts every hour', 'anyone else with a {brand} box restarting on its own?'],
      },
    ],
  };
}

/** A German meal-kit service: boxes arrive warm with the cool packs melted, beside a bigger recipe launch. */
export function germanMealKitScenario(end: Date): Scenario {
  return {
    brand: 'Kochkiste', handle: '@Kochkiste_DE', products: ['Familienbox', 'Veggiebox', 'Kochkiste Plus'], end, days: 21, seed: 3203,
    streams: [
      {
        name: 'geplauder', authors: 900, perDay: steady(40), lang: null,
        cores: ['heute gibt es bei uns was aus der {product} von {brand}', 'kocht jemand die {product} von {brand} mit Kindern?', 'die Rezeptkarten von {brand} sind echt gut erklärt',
          'probiere diese Woche die {product} von {brand} aus', 'lohnt sich {brand} für zwei Personen?', 'mein Mann kocht heute zum ersten Mal mit {brand}',
          'kann man bei {brand} die Lieferung pausieren?', 'wir haben die {product} von {brand} für den Urlaub abbestellt', 'Sonntag ist bei uns {brand} Tag',
          'wie lange halten die Zutaten von {brand} im Kühlschrank?', 'die Portionen bei {brand} reichen locker für uns drei'],
        openers: ['', '', '', 'also', 'kurze Frage:', 'hallo', 'so,'],
        closers: ['', '', '', '!', '...', ' 🤷', ' 😅', ' 🍝'],
      },
      {
        name: 'chatter', authors: 300, perDay: steady(6),
        cores: ['my german flatmate swears by {brand} meal kits', 'is {brand} like hello fresh?', 'tried {brand} while staying in berlin, decent recipes'],
      },
      {
        name: 'preis', authors: 500, perDay: steady(8), lang: null,
        openers: ['', '', '', 'schon wieder', 'ernsthaft', 'hallo,'],
        cores: ['{brand} ist schon wieder teurer geworden', 'die {product} von {brand} kostet jetzt 5 Euro mehr', 'Preiserhöhung bei {brand}, ohne Ankündigung',
          'warum ist {brand} plötzlich so teuer?'],
        closers: ['', ' 😒', '.', ' naja'],
      },
      {
        name: 'rezepte', authors: 800, perDay: lastDays([100, 110]), engagement: 40, lang: null,
        openers: ['', '', '', 'wow', 'Leute,', 'endlich', 'ehrlich'],
        cores: ['die neuen Winterrezepte von {brand} sind der Hammer', 'das Kürbisrisotto aus der neuen {brand} Winterkarte war so lecker',
          'neue Winterrezepte bei {brand}, alle drei waren super', 'die Winterkarte von {brand} ist richtig gut gelungen',
          'das Gulasch aus den Winterrezepten von {brand} schmeckt wie bei Oma', 'Winterrezepte von {brand} ausprobiert, die Kinder lieben es'],
        closers: ['', ' 😍', '!', ' 🎄', ' #Winterrezepte'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30]), verbatim: true, lang: null, cores: ['GRATIS {brand} Gutscheine hier abholen!!! gutschein-welt punkt de 🎁🎁'] },
      {
        name: 'kuehlung', authors: 500, perDay: lastDays([5, 15, 30]), engagement: 20, lang: null,
        cores: ['die {product} von {brand} kam warm an, die Kühlakkus waren komplett geschmolzen', 'Kühlakkus in der {brand} Box geschmolzen, das Hähnchen war lauwarm',
          'schon wieder eine warme Lieferung von {brand}, die Kühlung hat nicht gehalten', 'das Fleisch aus der {product} war warm, Kühlakkus nur noch Wasser',
          '{brand}, eure Kühlakkus taugen nichts, der Lachs kam warm an', 'die Kühlbox von {brand} stand vier Stunden vor der Tür und alles war warm',
          'warme Milch und weiches Hackfleisch in der {product}, so geht das nicht {brand}', 'habe das Fleisch aus der {brand} Lieferung weggeworfen, es war warm',
          'Kühlakkus geschmolzen, Joghurt warm, danke {brand}', 'seit zwei Wochen kommt die {product} von {brand} warm an, die Kühlung reicht nicht',
          'ist bei euch die {brand} Box auch warm angekommen? Kühlakkus komplett aufgetaut'],
        openers: ['', '', '', 'ehrlich jetzt,', 'hallo', 'Leute,', 'mal wieder:', 'also'],
        closers: ['', '', '.', ' jemand auch?', ' 😡', ' in Köln', ' in Leipzig', ' Foto im Anhang', ' Kundenservice angeschrieben', ' 🤢'],
      },
    ],
  };
}

/**
 * A Swiss lighting brand heard in French and German: one problem told in both (the Aurora
 * lamp flickers since an update), named the same in each, beside a bigger launch told in both.
 * A known gap (test/core/report-languages.test.ts): neither language's cues know "flicker",
 * so the problem reads as few complaints and a shared word ("lumière") chains it into the launch.
 */
export function swissFlickerScenario(end: Date): Scenario {
  return {
    brand: 'Lumeo', handle: '@LumeoCH', products: ['Nova', 'Orbit', 'Stella'], end, days: 21, seed: 3204,
    streams: [
      {
        name: 'bavardage', authors: 700, perDay: steady(25), lang: null,
        cores: ['la lampe {product} de {brand} est parfaite dans le salon', 'quelqu\'un a testé la {brand} {product} pour un bureau ?', 'installé une {brand} {product} dans la chambre',
          'la {brand} {product} se règle depuis le téléphone, pratique', 'je cherche une lampe {brand} pour lire le soir', 'la {brand} {product} en blanc ou en noir ?'],
        openers: ['', '', '', 'bon,', 'question :', 'alors'],
        closers: ['', '', '', ' !', '...', ' 😅'],
      },
      {
        name: 'geplauder', authors: 700, perDay: steady(25), lang: null,
        cores: ['die {brand} {product} passt perfekt ins Wohnzimmer', 'hat jemand die {brand} {product} fürs Büro getestet?', 'eine {brand} {product} im Schlafzimmer aufgehängt',
          'die {brand} {product} lässt sich mit dem Handy steuern, praktisch', 'suche eine {brand} Lampe zum Lesen am Abend', 'die {brand} {product} in weiss oder schwarz?'],
        openers: ['', '', '', 'also', 'kurze Frage:', 'hallo'],
        closers: ['', '', '', '!', '...', ' 😅'],
      },
      {
        name: 'versand', authors: 500, perDay: steady(8), lang: null,
        openers: ['', '', '', 'bon,', 'also', 'encore', 'schon wieder'],
        cores: ['la livraison {brand} a encore pris deux semaines', 'die Lieferung von {brand} hat wieder zwei Wochen gedauert', 'toujours pas reçu ma commande {brand}',
          'meine {brand} Bestellung ist immer noch nicht da'],
        closers: ['', ' 😒', '.'],
      },
      {
        name: 'lancement', authors: 800, perDay: lastDays([60, 100]), engagement: 40, lang: null,
        cores: ['la nouvelle {brand} Stella Mini est magnifique', 'die neue {brand} Stella Mini ist wunderschön', 'commandé la Stella Mini de {brand}, superbe design',
          'Stella Mini von {brand} bestellt, tolles Design', 'la Stella Mini de {brand} donne une lumière super douce', 'die Stella Mini von {brand} macht ein richtig schönes Licht'],
        closers: ['', ' 😍', '!', ' ✨', ' #StellaMini'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30]), verbatim: true, lang: null, cores: ['{brand} Gutscheine GRATIS / bons GRATUITS ici hier!!! lampen-deals point ch 🎁'] },
      {
        name: 'flackern', authors: 500, perDay: lastDays([4, 12, 25]), engagement: 20, lang: null,
        cores: ['depuis la mise à jour ma {brand} Aurora clignote toute la soirée', 'ma lampe Aurora de {brand} clignote sans arrêt, impossible de lire',
          'la {brand} Aurora clignote dès qu\'on baisse la lumière', 'encore une Aurora qui clignote, {brand} il faut corriger ça #AuroraFlicker',
          'seit dem Update flackert meine {brand} Aurora den ganzen Abend', 'meine Aurora von {brand} flackert ständig, lesen unmöglich',
          'die {brand} Aurora flackert, sobald man sie dimmt', 'noch eine Aurora die flackert, {brand} bitte beheben #AuroraFlicker',
          'Aurora de {brand} : clignotement permanent depuis la mise à jour', 'Aurora von {brand}: Dauerflackern seit dem Update'],
        openers: ['', '', '', 'hello', 'hallo', 'bon.', 'also'],
        closers: ['', '', '.', ' 😡', ' quelqu\'un d\'autre ?', ' jemand auch?', ' à Genève', ' in Zürich'],
      },
    ],
  };
}
