/** The demo's config (`npm start`): the two tea brands the bundled fixtures/demo data is about, and their competitor set. */
export const DEMO_CONFIG = {
  brands: [{
    name: 'Kettleby Tea',
    aliases: ['@KettlebyTea', 'Kettleby'],
    exclude: ['kettleby village'],
    queries: {
      x: '"Kettleby Tea" OR @KettlebyTea OR Kettleby -is:retweet',
      reddit: { query: 'Kettleby', subreddits: ['tea'] },
      hackernews: 'Kettleby',
    },
  }, {
    name: 'Brindle Tea',
    aliases: ['@BrindleTea', 'Brindle'],
    queries: {
      x: '"Brindle Tea" OR @BrindleTea -is:retweet',
      reddit: { query: 'Brindle', subreddits: ['tea'] },
      hackernews: 'Brindle',
    },
  }],
  compare: [{ name: 'tea market', brands: ['Kettleby Tea', 'Brindle Tea'] }],
};
