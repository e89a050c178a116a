// Extra stop-words on top of wink's own stopWordFlag. These are the words that
// wink does not flag but that carry no topic in social posts: retweet markers,
// chat filler, and vague nouns that would otherwise top every "emerging" list.
export const EXTRA_STOP_WORDS: ReadonlySet<string> = new Set([
  'rt', 'retweet', 'via', 'amp', 'gt', 'lt', 'im', 'dont', 'cant', 'wont', 'didnt',
  'doesnt', 'isnt', 'ive', 'id', 'ill', 'youre', 'thats', 'lol', 'lmao', 'omg', 'pls',
  'plz', 'thx', 'ty', 'tbh', 'imo', 'idk', 'btw', 'ok', 'okay', 'yes', 'yeah', 'yep',
  'nope', 'no', 'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'today',
  'yesterday', 'tomorrow', 'tonight', 'people', 'thing', 'stuff', 'way', 'lot',
  'lots', 'guy', 'someone', 'something', 'anything', 'everything', 'nothing',
  'anyone', 'everyone', 'somebody', 'anybody', 'everybody', 'gonna', 'wanna',
  'gotta', 'really', 'just', 'much', 'many', 'more', 'most', 'other', 'such',
  'own', 'same', 'new', 'next', 'last', 'first', 'bit', 'kind', 'sort', 'time', 'day',
  'week', 'year', 'month', 'morning', 'night', 'u', 'ur', 'x', 'xx', 'xxx',
]);
