/**
 * Writes the demo data set (fixtures/demo/) that `npm start` scans through the replay
 * server: four weeks of Kettleby Tea chatter, and of its smaller rival Brindle Tea (some
 * posts name both) and a trickle of Kettleby customers' ideas, in the shapes X, Reddit and HN return.
 * Deterministic: the same seed gives the same files. Run: node dist/tools/make-demo-data.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MentionInput } from '../domain/mention.js';
import { seededRandom } from '../analysis/seeded-random.js';
import { generateScenario } from './scenarios/generate.js';
import { ideasDemoScenario, rivalDemoScenario, teaDemoScenario } from './scenarios/tea.js';

export const DEMO_END = new Date('2026-11-20T12:00:00.000Z');

type ApiObject = Record<string, unknown>;

interface DemoFiles {
  'x/tweets.jsonl': ApiObject[];
  'x/users.jsonl': ApiObject[];
  'reddit/posts.jsonl': ApiObject[];
  'reddit/comments.jsonl': ApiObject[];
  'hackernews/hits.jsonl': ApiObject[];
}

/** Splits the scenario across sources (≈60% X, 25% Reddit, 15% HN) in each API's own shape. */
export function buildDemoFiles(): DemoFiles {
  // Kettleby's posts first, the rival's after: adding the rival left Kettleby's ids and sources as they were
  // and the ideas after both (issue 29)
  const mentions = [...generateScenario(teaDemoScenario(DEMO_END)), ...generateScenario(rivalDemoScenario(DEMO_END)),
    ...generateScenario(ideasDemoScenario(DEMO_END))];
  const random = seededRandom(7);
  const files: DemoFiles = { 'x/tweets.jsonl': [], 'x/users.jsonl': [], 'reddit/posts.jsonl': [], 'reddit/comments.jsonl': [], 'hackernews/hits.jsonl': [] };
  const users = new Map<string, string>();
  mentions.forEach((m, i) => {
    const roll = random();
    if (roll < 0.6) files['x/tweets.jsonl'].push(toTweet(m, i, users));
    else if (roll < 0.73) files['reddit/posts.jsonl'].push(toRedditPost(m, i));
    else if (roll < 0.85) files['reddit/comments.jsonl'].push(toRedditComment(m, i));
    else files['hackernews/hits.jsonl'].push(toHnHit(m, i));
  });
  for (const [username, id] of users) files['x/users.jsonl'].push({ id, name: username.replace(/_/g, ' '), username });
  return files;
}

function toTweet(m: MentionInput, i: number, users: Map<string, string>): ApiObject {
  const username = m.author ?? `user${i}`;
  if (!users.has(username)) users.set(username, String(800_000 + users.size));
  const id = (2_100_000_000_000_000_000n + BigInt(Date.parse(m.createdAt)) * 4_194_304n + BigInt(i)).toString();
  return {
    id, edit_history_tweet_ids: [id], text: m.text, created_at: m.createdAt, author_id: users.get(username),
    conversation_id: id, lang: 'en',
    public_metrics: { retweet_count: m.metrics?.reposts ?? 0, reply_count: m.metrics?.replies ?? 0, like_count: m.metrics?.likes ?? 0, quote_count: 0, impression_count: 50 },
  };
}

function toRedditPost(m: MentionInput, i: number): ApiObject {
  const id = (1_000_000 + i).toString(36);
  const [title, ...rest] = m.text.split(/(?<=[.?!])\s+/);
  return { kind: 't3', data: {
    id, name: `t3_${id}`, title, selftext: rest.join(' '), author: m.author, subreddit: 'tea', subreddit_name_prefixed: 'r/tea',
    created_utc: Date.parse(m.createdAt) / 1000, score: (m.metrics?.likes ?? 0) + 1, num_comments: m.metrics?.replies ?? 0,
    permalink: `/r/tea/comments/${id}/demo/`, url: `https://www.reddit.com/r/tea/comments/${id}/demo/`, over_18: false, is_self: true,
  } };
}

function toRedditComment(m: MentionInput, i: number): ApiObject {
  const id = (5_000_000 + i).toString(36);
  return { kind: 't1', data: {
    id, name: `t1_${id}`, body: m.text, author: m.author, subreddit: 'tea', created_utc: Date.parse(m.createdAt) / 1000,
    score: (m.metrics?.likes ?? 0) + 1, link_id: 't3_demo1', parent_id: 't3_demo1', link_title: 'Daily tea thread',
    permalink: `/r/tea/comments/demo1/x/${id}/`,
  } };
}

function toHnHit(m: MentionInput, i: number): ApiObject {
  const id = String(46_100_000 + i);
  const html = `<p>${m.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
  return {
    objectID: id, created_at: m.createdAt, created_at_i: Math.floor(Date.parse(m.createdAt) / 1000), author: m.author,
    points: null, num_comments: null, story_id: 46_000_001, parent_id: 46_000_001, _tags: ['comment', `author_${m.author}`, `story_46000001`],
    title: null, url: null, story_text: null, comment_text: html, story_title: 'Ask HN: what do you drink while coding?',
  };
}

function writeDemoFiles(dir: string): void {
  for (const [file, rows] of Object.entries(buildDemoFiles())) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, (rows as ApiObject[]).map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'fixtures/demo');
  writeDemoFiles(dir);
  process.stdout.write(`wrote the demo data set to ${dir}\n`);
}
