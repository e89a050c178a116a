// Complaint and harm cue lists for languages with a sentiment model but no complaint data
// (issue 32). Each entry is the start of a word or phrase, lower case, matched at a word
// start (so `rembours` finds "remboursement" and "remboursé"); a space matches any run of
// spaces; a final '.' asks for the word's end too ("beste." is not "Bestellung", "leck." not
// "lecker"). Written from each language's everyday customer-service words, then checked only
// against the DEV half of bench/probes/languages/<lang>.jsonl (never the held-out half); the
// last entries of each problem list came from round 2's dev rows (ids q..), which showed the
// lists do not carry over to situations they were not written for (bench:lang-complaint).
//   problem: something failed, is missing, late, wrong, or the company is asked to fix it
//   fixed:   the problem was solved, or the post praises (counts against a complaint)
//   harm:    someone or something was hurt or at risk (fire, burn, cut, shock, poisoning)

export interface CueLists {
  problem: readonly string[];
  fixed: readonly string[];
  harm: readonly string[];
}

export const COMPLAINT_CUES: Readonly<Record<string, CueLists>> = {
  fr: {
    problem: ['plant', 'bug', 'beug', 'panne', 'cassé', 'cassée', 'fissur', 'fuit', 'fuite', 'marche plus', 'marche pas', 'fonctionne plus',
      'fonctionne pas', 'ne marche', 'ne fonctionn', 'impossible', 'bloqu', 'déconnect', 'défectu', 'abîm', 'endommag', 'trempé',
      'rien reçu', 'jamais reçu', 'pas reçu', 'jamais arriv', 'toujours rien', 'toujours pas', 'toujours mon', 'annulé', 'annulée',
      'erreur', 'deux fois', 'prélev', 'débité', 'arnaque', 'nul', 'nulle', 'déçu', 'décevant', 'honte', 'inadmissible', 'scandal',
      'inacceptable', 'lamentable', 'retard', 'en attente', "j'attends", 'personne ne', 'ne répond', 'sans réponse', 'aucune réponse',
      'pas de réponse', 'pas de nouvelles', 'rembours', 'rien à voir', 'pas conforme', 'mauvais', 'sérieux', 'aux abonnés absents',
      'coupe', 'aucune nouvelle', "n'existe pas", 'la cata', 'marre', 'ras le bol', 'ne vient pas', 'coincé'],
    fixed: ['réglé', 'résolu', 'corrigé', 'merci pour', 'bravo', 'recommande', 'aucun problème', 'aucun souci', 'pas de problème',
      'rien à redire', 'parfait', 'nickel', 'génial', 'super', 'top', 'pas mal', 'impeccable', 'rapide', "à l'heure", 'plus tôt',
      'meilleur', 'hâte', 'tuerie', 'mortel'],
    harm: ['feu', 'brûl', 'incendi', 'flamm', 'fumée', 'explos', 'fondu', 'décharge', 'électrocut', "s'est coupé", 'coupure', 'bless',
      'tranchant', 'intoxi', 'malade', 'vomi', 'hôpital', 'urgences', 'allergi', 'étouff', 'avalé'],
  },
  de: {
    problem: ['kaputt', 'defekt', 'funktioniert nicht', 'geht nicht', 'nicht mehr', 'stürzt', 'abgestürzt', 'absturz', 'hängt', 'fehler',
      'bug', 'tropft', 'undicht', 'leck.', 'lecks', 'leckt', 'leckage', 'gesprungen', 'gerissen', 'beschädigt', 'durchnässt',
      'nass', 'immer noch', 'noch immer',
      'nichts da', 'nix', 'nie angekommen', 'nicht angekommen', 'nicht geliefert', 'verspät', 'warte', 'keine antwort',
      'antwortet nicht', 'meldet sich nicht', 'keiner', 'niemand', 'erstattung', 'rückerstattung', 'geld zurück', 'doppelt',
      'abgebucht', 'storniert', 'unmöglich', 'enttäuscht', 'schlecht', 'mies', 'frechheit', 'betrug', 'abzocke', 'katastroph',
      'unverschämt', 'ärgerlich', 'nervig', 'was soll das', 'im ernst', 'echt jetzt', 'falsch', 'loggt', 'ausgeloggt', 'bricht',
      'keine nachricht', 'existiert nicht', 'kommt nicht', 'nase voll', "reicht's", 'steckt fest', 'steckt seit'],
    fixed: ['gelöst', 'behoben', 'danke für', 'klasse', 'empfehlen', 'keine probleme', 'kein problem', 'bestens', 'perfekt', 'super',
      'top', 'nicht schlecht', 'schnell', 'pünktlich', 'früher', 'beste.', 'bester', 'bestes', 'besten', 'hammer', 'wahnsinn',
      'kaum erwarten'],
    harm: ['feuer', 'brand', 'brennt', 'verbrannt', 'verbrüht', 'explod', 'geschmolzen', 'schlag bekommen', 'stromschlag', 'geschnitten',
      'schnittwunde', 'verletz', 'scharf', 'vergiftung', 'krank', 'erbroch', 'krankenhaus', 'notaufnahme', 'allergi', 'erstick',
      'verschluckt', 'rauch'],
  },
  es: {
    problem: ['no funciona', 'dejó de funcionar', 'deja de funcionar', 'no va', 'roto', 'rota', 'se cuelga', 'se corta', 'colgad',
      'se cierra',  'error', 'fallo', 'falla', 'bloquead', 'pierde agua', 'gotea', 'fuga', 'empapad', 'mojad', 'dañad',
      'defectuos', 'todavía nada', 'todavía no', 'sigo esperando', 'esperando', 'en espera', 'llevo', 'nunca llegó', 'no llegó',
      'no ha llegado', 'no hay nada', 'retraso', 'nadie', 'ni contesta', 'no contesta', 'no responde', 'sin respuesta',
      'ni una respuesta', 'reembolso', 'devolución', 'me cobraron', 'cobrado', 'dos veces', 'cancelaron', 'cancelad', 'imposible',
      'decepcionad', 'pésim', 'fatal', 'vergüenza', 'estafa', 'timo', 'horrible', 'en serio', 'nada que ver', 'no puedo',
      'ni una noticia', 'sin noticias', 'no existe', 'desastre', 'hart', 'no aparece', 'atascad'],
    fixed: ['resuelto', 'resolvió', 'arreglad', 'arreglaron', 'gracias por', 'genial', 'recomiendo', 'ningún problema', 'sin problemas',
      'nada que decir', 'perfect', 'nada mal', 'rápid', 'a tiempo', 'antes de lo previsto', 'mejor', 'pasada', 'ganas'],
    harm: ['fuego', 'incendi', 'quem', 'explot', 'derriti', 'descarga', 'electrocut', 'se cortó', 'corte', 'herid', 'lesión', 'intoxica',
      'enferm', 'vomit', 'hospital', 'urgencias', 'alergi', 'asfixi', 'atragant', 'humo'],
  },
  pt: {
    problem: ['não funciona', 'parou de funcionar', 'não liga', 'quebr', 'trinc', 'rachad', 'trava', 'travou', 'travad', 'deslog', 'erro',
      'bug', 'falha', 'vaza', 'cai.', 'caiu', 'caindo', 'vazando', 'encharcad', 'molhad', 'danificad', 'defeito', 'até agora',
      'ainda esperando', 'esperando',  'nunca chegou', 'não chegou', 'atras', 'ninguém', 'nem responde', 'não responde',
      'sem resposta', 'reembolso',
      'devolução', 'cobraram', 'cobrança', 'duas vezes', 'cancelaram', 'impossível', 'decepcionad', 'péssim', 'horrível', 'vergonha',
      'golpe', 'palhaçada', 'absurdo', 'ridículo', 'sério', 'nada a ver', 'não consigo', 'nenhuma notícia', 'sem notícia',
      'não existe', 'desastre', 'cansad', 'já deu', 'não aparece', 'presa há', 'preso há'],
    fixed: ['resolveu', 'resolvid', 'corrigid', 'obrigad', 'top', 'recomendo', 'nenhum problema', 'sem problema', 'nada a reclamar',
      'perfeit', 'nada mal', 'rápid', 'no prazo', 'antes do previsto', 'melhor', 'animal', 'não vejo a hora'],
    harm: ['fogo', 'incêndio', 'queim', 'explod', 'derret', 'choque', 'eletrocut', 'se cortou', 'corte', 'machuc', 'ferid', 'intoxica',
      'passou mal', 'passaram mal', 'vomit', 'hospital', 'alergi', 'engasg', 'sufoc', 'fumaça'],
  },
  it: {
    problem: ['non funziona', 'smesso di funzionare', 'rott', 'si blocca', 'bloccat', 'crepat', 'disconnett', 'errore', 'bug', 'guast',
      'perde', 'fradici', 'bagnat', 'danneggiat', 'difettos', 'ancora niente', 'ancora aspettando', 'sto ancora', 'in attesa',
      'aspetto', 'mai arrivat', 'non è arrivat', "non c'è niente", 'ritardo', 'nessuno', 'non risponde', 'nessuna risposta',
      'senza risposta', 'rimborso', 'reso', 'addebitat', 'due volte', 'annullat', 'impossibile', 'delus', 'pessim', 'vergogna',
      'truffa', 'schifo', 'assurdo', 'sul serio', 'ma dai', 'non riesco', 'cade', 'nessuna notizia', 'non esiste', 'disastro',
      'stufa', 'stufo', 'ne ho abbastanza', 'non si presenta'],
    fixed: ['risolt', 'sistemat', 'grazie per', 'bravi', 'consiglio', 'nessun problema', 'niente da dire', 'perfett', 'niente male',
      'veloc', 'in tempo', 'prima del previsto', 'miglior', 'bomba', 'pazzesc', "non vedo l'ora"],
    harm: ['fuoco', 'incendi', 'ustion', 'bruciat', 'brucia', 'esplos', 'fuso', 'scossa', 'folgorat', 'tagliat', 'ferit', 'affilat',
      'intossica', 'sta male', 'stanno male', 'vomit', 'ospedale', 'pronto soccorso', 'allergi', 'soffoc', 'fumo'],
  },
};
