// Polarity words per language, written for earshot: the customer-service words (broken,
// late, refund, rude; great, thanks, fast) that the UMSAB training tweets, about news and
// politics, hardly hold. Training sees each post's count of them as two extra features and
// folds the learned weights into the words' own buckets, so a word never seen in training
// still leans the right way. Lowercase; a word counts when a post's token equals it.
export const LEXICON: Record<string, { negative: string[]; positive: string[] }> = {
  fr: {
    negative: ('nul nulle nuls horrible horribles pire déçu déçue déception décevant honte honteux scandale scandaleux arnaque inadmissible ' +
      'inacceptable lamentable catastrophe catastrophique cassé cassée casse panne retard retardé perdu perdue jamais remboursement ' +
      'rembourser plainte problème problèmes bug bugs bloqué bloquée impossible insupportable furieux marre énervé colère mauvais mauvaise ' +
      'médiocre lent lente grave galère dégoûté triste fuite défectueux défectueuse abusé annulé annulée').split(' '),
    positive: ('merci super génial géniale excellent excellente parfait parfaite bravo top adore aime rapide efficace ravi ravie ' +
      'content contente heureux heureuse magnifique formidable incroyable recommande impeccable agréable sympa bien meilleur meilleure ' +
      'félicitations cool satisfait satisfaite plaisir chouette beau belle').split(' '),
  },
  de: {
    negative: ('schlecht schlechte schlechter schlechtesten schrecklich furchtbar mies katastrophe katastrophal enttäuscht enttäuschend ' +
      'enttäuschung ärgerlich ärger sauer wütend frechheit unverschämt skandal betrug kaputt defekt verspätung verspätet ausfall ' +
      'ausgefallen verloren nie niemals problem probleme fehler beschwerde erstattung unmöglich nervig langsam peinlich leider mangelhaft ' +
      'unzuverlässig chaos stress gestrichen storniert überfüllt dreckig traurig scheiße mist').split(' '),
    positive: ('danke super toll klasse prima gut gute guter großartig hervorragend perfekt perfekte schnell zufrieden glücklich freue ' +
      'liebe lieben empfehlen empfehlenswert genial wunderbar wunderschön schön schöne spitze freundlich pünktlich bequem top ' +
      'ausgezeichnet beste besten lob bravo cool').split(' '),
  },
  es: {
    negative: ('pésimo pésima pésimos horrible horribles fatal peor peores odio asco vergüenza decepción decepcionado decepcionada ' +
      'decepcionante estafa robo timo roto rota rotos averiado retraso retrasado tarde perdido perdida nunca reembolso devolución ' +
      'queja reclamación problema problemas error fallo imposible indignante inaceptable lamentable malo mala malos malas lento lenta ' +
      'cancelado cancelada harto harta enfadado molesto triste basura mierda desastre ridículo').split(' '),
    positive: ('gracias genial excelente excelentes perfecto perfecta encanta encantan encantó increíble maravilloso maravillosa bueno ' +
      'buena buenísimo mejor mejores rápido rápida recomiendo feliz contento contenta felicidades enhorabuena bravo fantástico ' +
      'fantástica estupendo estupenda amable amo guapo bonito bonita brutal top gran').split(' '),
  },
  pt: {
    negative: ('péssimo péssima péssimos horrível horríveis pior piores ódio odeio nojo vergonha decepção decepcionado decepcionada ' +
      'golpe roubo fraude quebrado quebrada defeito atraso atrasado atrasada perdido perdida nunca reembolso devolução reclamação ' +
      'problema problemas erro falha impossível absurdo inaceitável lamentável ruim ruins lento lenta cancelado cancelada raiva ' +
      'triste lixo merda desastre ridículo chato chata porcaria').split(' '),
    positive: ('obrigado obrigada ótimo ótima ótimos excelente perfeito perfeita amo adoro adorei incrível maravilhoso maravilhosa bom ' +
      'boa melhor melhores rápido rápida recomendo feliz contente parabéns lindo linda fantástico fantástica top legal demais ' +
      'sensacional gostei show').split(' '),
  },
  it: {
    negative: ('pessimo pessima pessimi orribile orribili peggio peggiore peggiori odio schifo vergogna delusione deluso delusa deludente ' +
      'truffa furto rotto rotta guasto guasta ritardo ritardi perso persa mai rimborso reclamo problema problemi errore impossibile ' +
      'assurdo inaccettabile vergognoso scandalo brutto brutta lento lenta cancellato cancellata arrabbiato triste schifoso disastro ' +
      'ridicolo incompetenti maleducato').split(' '),
    positive: ('grazie ottimo ottima ottimi eccellente perfetto perfetta adoro amo incredibile meraviglioso meravigliosa bravo brava ' +
      'bravi bello bella buono buona migliore migliori veloce consiglio felice contento contenta complimenti fantastico fantastica ' +
      'stupendo stupenda gentile top grande splendido').split(' '),
  },
  ar: {
    negative: 'سيء سيئة أسوأ فاشل فاشلة مشكلة مشاكل تأخير خسارة كارثة حرام ظلم للأسف حزين غضب زفت'.split(' '),
    positive: 'شكرا رائع رائعة ممتاز ممتازة جميل جميلة أحب سعيد الحمد مبروك أفضل حلو'.split(' '),
  },
};
