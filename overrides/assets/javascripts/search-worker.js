/* Korean search worker for Material's search UI.
 *
 * Material's bundle keeps its search box, keyboard handling and result rendering and
 * talks to a worker with four messages (SETUP 0, READY 1, QUERY 2, RESULT 3). This worker
 * answers them from the sharded index that generator/search writes at build time:
 *
 *   1. The query is split on spaces; each word gets its stems by stripping Korean
 *      particles and endings (인증서를 → 인증서, 발급받으려면 → 발급받 → 발급).
 *   2. Only the postings shards the stems' character bigrams hash to are fetched; a
 *      section is a candidate when it holds every bigram of a stem.
 *   3. The best candidate pages are fetched and confirmed by a substring test on their
 *      "compact" text (letters and digits only), so spacing never matters and a word
 *      inside a compound still matches (인증서 → 금융인증서). Every query word must occur
 *      on the page, unless the words written together do (금융 인증서 → 금융인증서).
 *
 * compact() and shardOf() must agree with generator/search/analysis.py.
 */
"use strict";

const GiljabiSearch = (() => {
  /* Particles, endings and the light verbs they hang on. Stripping repeats, so chains
   * such as 받 + 으려면 or 하 + 세요 need no entry of their own. */
  const PARTICLES = [
    "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "한테", "으로", "로",
    "으로서", "로서", "으로써", "로써", "와", "과", "도", "만", "까지", "부터", "보다", "처럼",
    "이나", "나", "이랑", "랑", "하고", "마다", "조차", "밖에", "께서", "에는", "에서는", "으로는",
    "로는", "에도", "에서도", "으로도", "로도", "에만", "이라도", "라도", "이든", "든", "이란", "란",
    "이라는", "라는", "이라고", "라고", "요", "이요", "입니다", "이에요", "예요", "인데", "이며", "며",
  ];
  // A word that ends in one of these is said of something (잊었어요, 해지하려면): when no
  // place has every word of a question, such words may be left out; names may not (여권).
  const ENDINGS = [
    "고", "면", "으면", "려면", "으려면", "려고", "으려고", "기", "지", "지만", "는데", "은데",
    "니까", "으니까", "어", "아", "여", "어서", "아서", "여서", "어요", "아요", "여요", "었", "았",
    "였", "었다", "았다", "였다", "는지", "은지", "을지", "게", "도록", "세요", "으세요", "십시오",
    "으십시오", "습니다", "니다", "던", "음", "기로", "다", "는다", "ㄴ다", "나요", "까요", "인가요",
    "인가", "인지", "야",
    // light verbs, also fused with an ending (합 = 하 + ㅂ, 했 = 하 + 었)
    "하", "해", "했", "합", "할", "한", "함", "받", "받아", "받았", "받은", "받을", "받음", "받습",
    "되", "돼", "됐", "됩", "될", "된", "됨", "시키", "드리", "주",
  ];
  const SUFFIXES = [...PARTICLES, ...ENDINGS].sort((a, b) => b.length - a.length);

  /* Words of a question rather than of its subject (해외에 있을 때 어떻게 하나요): they rank
   * a result higher when present but never rule one out. */
  const OPTIONAL = new Set([
    "때", "경우", "방법", "어떻게", "왜", "뭐", "무엇", "언제", "어디", "어디서", "수", "것", "거",
    "안", "못", "좀", "법", "점", "있", "없", "있어", "없어", "있나", "없나", "하나", "되나", "할까",
    "될까", "해야", "싶", "궁금", "알려",
    // spoken questions: 했어요, 안 돼요, 어떡해요, 뭔가요, 알고 싶어요, 가능한가요
    "했어", "해요", "돼요", "되요", "됐어", "안돼", "안되", "어떡해", "어떡하", "어떻", "뭔가", "뭔지",
    "무슨", "어떤", "얼마", "얼마나", "알고", "싶어", "가능", "필요", "모르", "모르겠", "몰라",
    "궁금해", "알려줘", "알려주", "주세", "부탁", "해주", "해줘", "하려", "되는", "하는", "몇",
    // adverbs that colour a question but name nothing: 앱이 자꾸 멈춰요
    "자꾸", "계속", "너무", "잘", "그냥", "아직", "갑자기", "제대로", "혹시", "지금", "빨리", "꼭",
  ]);

  const WORD = /[\p{L}\p{N}]/u;
  // What NFKC makes of ㄱ…ㅎ: a query of these alone is a word's initial consonants (ㄱㅇㅇㅈㅅ).
  const INITIAL = /^[\u1100-\u1112]+$/u;
  const JAMO_AT_END = /[\u1100-\u11ff]+$/u;
  const HANGUL_BASE = 0xac00;
  // ㄴ, ㄹ, ㅁ, ㅂ: endings that fuse into an open last syllable (누르 + ㅂ니다 → 누릅니다).
  const FUSED_FINALS = [4, 8, 16, 17];
  // ㅘ → ㅗ, ㅙ → ㅚ, ㅝ → ㅜ, ㅕ → ㅣ (vowel indexes), with no final or the past tense's ㅆ.
  const FUSED_VOWELS = { 9: 8, 10: 11, 14: 13, 6: 20 };
  const PAST_FINAL = 20;

  function compact(text) {
    let out = "";
    for (const char of text.normalize("NFKC").toLowerCase()) if (WORD.test(char)) out += char;
    return out;
  }

  /* compact() of text plus, for each compact character, where it came from in text. */
  function compactWithMap(text) {
    let out = "";
    const from = [];
    const to = [];
    let index = 0;
    for (const char of text) {
      for (const piece of char.normalize("NFKC").toLowerCase()) {
        if (WORD.test(piece)) {
          out += piece;
          from.push(index);
          to.push(index + char.length);
        }
      }
      index += char.length;
    }
    return { text: out, from, to };
  }

  function shardOf(key, shards) {
    let value = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      value ^= key.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % shards;
  }

  function keysOf(stem) {
    if (stem.length === 1) return [stem];
    const keys = new Set();
    for (let i = 0; i + 1 < stem.length; i++) keys.add(stem.slice(i, i + 2));
    return [...keys];
  }

  function isOpenSyllable(char) {
    const code = char.charCodeAt(0) - HANGUL_BASE;
    return code >= 0 && code < 11172 && code % 28 === 0;
  }

  /* The word itself first, then shorter stems; each with how much of the word it keeps. */
  function stems(word, shortest) {
    const minimum = shortest || (word.length >= 3 ? 2 : 1);
    const found = new Map([[word, 1]]);
    const queue = [word];
    while (queue.length) {
      const form = queue.shift();
      for (const suffix of SUFFIXES) {
        if (form.length - suffix.length < minimum || !form.endsWith(suffix)) continue;
        const stem = form.slice(0, -suffix.length);
        if (!found.has(stem)) {
          found.set(stem, stem.length / word.length);
          queue.push(stem);
        }
      }
    }
    // A vowel fused with the ending 어/아 (멈춰 = 멈추 + 어, 잃어버렸 = 잃어버리 + 었): the stem's own vowel.
    for (const [stem, weight] of [...found]) {
      const code = stem.charCodeAt(stem.length - 1) - HANGUL_BASE;
      if (stem === word || code < 0 || code >= 11172 || (code % 28 !== 0 && code % 28 !== PAST_FINAL)) continue;
      const vowel = FUSED_VOWELS[Math.floor(code / 28) % 21];
      if (vowel === undefined) continue;
      const open = stem.slice(0, -1) + String.fromCharCode(HANGUL_BASE + (code - (code % 588)) + vowel * 28);
      if (!found.has(open)) found.set(open, weight);
    }
    for (const [stem, weight] of [...found]) {
      const last = stem[stem.length - 1];
      if (stem === word || !isOpenSyllable(last)) continue;
      for (const final of FUSED_FINALS) {
        const fused = stem.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + final);
        if (!found.has(fused)) found.set(fused, weight);
      }
    }
    return [...found].map(([text, weight]) => ({ text, weight })).sort((a, b) => b.text.length - a.text.length);
  }

  /* The query's words, compacted. A letter still being composed at the end of a word
   * (금융인증ㅅ, mid-typing) is dropped; a word of initial consonants only is kept. */
  function words(query) {
    return query.split(/[\s\-+*:~^"'()[\]{}.,!?/·]+/u)
      .map(compact)
      .map(word => INITIAL.test(word) ? word : word.replace(JAMO_AT_END, ""))
      .filter(Boolean);
  }

  /* Each syllable's initial consonant, as NFKC writes ㄱ: 금융 → ᄀᄋ. */
  function initials(word) {
    let out = "";
    for (const char of word) {
      const code = char.charCodeAt(0) - HANGUL_BASE;
      out += code >= 0 && code < 11172 ? String.fromCharCode(0x1100 + Math.floor(code / 588)) : char;
    }
    return out;
  }

  function isInitials(word) {
    return word.length >= 2 && INITIAL.test(word);
  }

  function isPredicate(word) {
    const minimum = word.length >= 3 ? 2 : 1;
    return ENDINGS.some(ending => word.length - ending.length >= minimum && word.endsWith(ending));
  }

  /* How alike two words are: shared bigrams (Dice), and the same initial consonants (갱싱 ~ 갱신). */
  function likeness(a, b) {
    const pairs = word => new Set(keysOf(word).filter(key => key.length === 2));
    const x = pairs(a);
    const y = pairs(b);
    let shared = 0;
    for (const key of x) if (y.has(key)) shared++;
    const dice = x.size + y.size ? (2 * shared) / (x.size + y.size) : 0;
    // The same initials alone say little (여권, 약관); with a syllable in common they do (갱싱, 갱신).
    const syllable = [...a].some(char => b.includes(char));
    return dice + (syllable && a.length === b.length && initials(a) === initials(b) ? 0.5 : 0);
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
  }

  /* Escaped text with <mark> around every occurrence of the matched stems, cut to a
   * window around the first one when the text is long. */
  function highlight(text, matched, limit) {
    const { text: flat, from, to } = compactWithMap(text);
    const ranges = [];
    for (const stem of matched) {
      for (let at = flat.indexOf(stem); at !== -1; at = flat.indexOf(stem, at + 1)) {
        ranges.push([from[at], to[at + stem.length - 1]]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    let start = 0;
    let end = text.length;
    if (limit && text.length > limit) {
      start = merged.length ? Math.max(0, merged[0][0] - Math.floor(limit / 4)) : 0;
      if (start > 0) {
        // From the start of the sentence the first mark is in, else of a word: never "… 세요."
        const before = text.slice(start, merged[0][0]);
        const sentence = before.match(/^[\s\S]*[.!?]\s+/u);
        const word = before.search(/\s\S/u);
        if (sentence) start += sentence[0].length;
        else if (word !== -1) start += word + 1;
      }
      end = Math.min(text.length, start + limit);
    }
    let html = start > 0 ? "… " : "";
    let at = start;
    for (const [a, b] of merged) {
      if (b <= start || a >= end) continue;
      const s = Math.max(a, start);
      const e = Math.min(b, end);
      html += escapeHTML(text.slice(at, s)) + "<mark>" + escapeHTML(text.slice(s, e)) + "</mark>";
      at = e;
    }
    html += escapeHTML(text.slice(at, end)) + (end < text.length ? " …" : "");
    return html;
  }

  /* How many of the stems one sentence of the texts holds: the words of a question that belong
   * together stand in one sentence (번호가 바뀌었다면), not one here and one there (인증번호 … 바뀌면). */
  function mostInOneSentence(texts, found) {
    if (found.length < 2) return found.length;
    let most = 0;
    for (const text of texts) {
      for (const sentence of text.split(/(?<=[.!?])\s+|\n+/u)) {
        const flat = compact(sentence);
        most = Math.max(most, found.filter(stem => flat.includes(stem.text)).length);
      }
    }
    return most;
  }

  /* Question words, also under an ending that leaves one letter (있는데 → 있). */
  function isOptional(word) {
    return stems(word, 1).some(stem => OPTIONAL.has(stem.text));
  }

  return { compact, shardOf, keysOf, stems, words, highlight, isOptional, isPredicate, initials, isInitials, likeness, mostInOneSentence };
})();

/* ------------------------------------------------------------------------- */

const SearchIndex = (() => {
  const { compact, shardOf, keysOf, stems, words, highlight, isOptional, isPredicate, initials, isInitials, likeness, mostInOneSentence } = GiljabiSearch;
  // Pages confirmed per round, and the most page files one query may fetch.
  const BATCH = 10;
  const MAX_PAGES = 30;
  const MAX_SECTIONS = 12;
  const TEXT_LIMIT = 220;
  const TITLE_WEIGHT = 3;
  const ALIAS_WEIGHT = 2;
  const SHOWN = 3;
  const NEAR_TIE = 0.75;
  // A synonym finds less surely than the word itself: the reader's own word in a text comes first.
  const SYNONYM_WEIGHT = 0.5;
  const TITLE_CONTEXT = 0.5;
  const SUGGESTIONS = 5;
  const ALIKE = 0.4;

  let manifest = null;
  let root = null;
  const cache = new Map();

  function load(path) {
    const url = new URL(`search/giljabi/${path}.json?v=${manifest.version}`, root).href;
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(response => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json();
      }));
    }
    return cache.get(url);
  }

  async function postings(keys) {
    const wanted = new Map();
    for (const key of keys) {
      const path = key.length === 1 ? `u/${shardOf(key, manifest.u)}` : `t/${shardOf(key, manifest.t)}`;
      if (!wanted.has(path)) wanted.set(path, load(path));
    }
    const shards = new Map();
    await Promise.all([...wanted].map(async ([path, promise]) => shards.set(path, await promise)));
    const result = new Map();
    for (const key of keys) {
      const path = key.length === 1 ? `u/${shardOf(key, manifest.u)}` : `t/${shardOf(key, manifest.t)}`;
      const deltas = shards.get(path)[key] || [];
      const ids = new Array(deltas.length);
      let id = 0;
      for (let i = 0; i < deltas.length; i++) ids[i] = id += deltas[i];
      result.set(key, ids);
    }
    return result;
  }

  /* The site's words listed under any of these keys (generator/search/vocabulary.py), most used first. */
  async function known(keys) {
    const found = [];
    const shards = await Promise.all([...new Set(keys)].map(key => load(`w/${shardOf(key, manifest.w)}`).then(shard => shard[key] || [])));
    for (const list of shards) for (const word of list) if (!found.includes(word)) found.push(word);
    return found;
  }

  function pageOf(section) {
    const offsets = manifest.offsets;
    let low = 0;
    let high = offsets.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid] <= section) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /* Sections that may hold a stem of the term: they hold all of the stem's bigrams. */
  function candidates(term, lists) {
    const found = new Map();
    for (let s = term.stems.length - 1; s >= 0; s--) {
      const keys = keysOf(term.stems[s].text);
      let ids = null;
      for (const key of keys.sort((a, b) => lists.get(a).length - lists.get(b).length)) {
        const list = lists.get(key);
        ids = ids === null ? new Set(list) : new Set(list.filter(id => ids.has(id)));
        if (!ids.size) break;
      }
      for (const id of ids || []) found.set(id, Math.max(found.get(id) || 0, term.stems[s].weight));
    }
    return found;
  }

  /* The first synonym entry among the stems of a word, longest stem first, with the stem it is
   * listed under. Down to one letter: a root that content/synonyms.yml names (잊 of 잊다) is a
   * word, however short. */
  function synonymsOf(word) {
    const table = manifest.synonyms || {};
    for (const stem of stems(word, 1)) if (table[stem.text]) return { root: stem, others: table[stem.text] };
    return null;
  }

  function term(word, shown) {
    const found = { word, shown, stems: stems(word), synonyms: [] };
    const entry = synonymsOf(word);
    if (!entry) return found;
    // The root itself too (잊었어요 → 잊: "잊은 비밀번호"), where the word's own stems stop short of it.
    if (!found.stems.some(stem => stem.text === entry.root.text)) found.stems.push(entry.root);
    for (const [other, withParticle, searched] of entry.others) {
      found.synonyms.push({ other, withParticle });
      found.stems.push({ text: searched, weight: SYNONYM_WEIGHT, via: other });
    }
    return found;
  }

  /* A word of initial consonants only becomes the most used word of the site they begin. */
  async function spelledOut(word) {
    const words = await known([word.slice(0, 2)]);
    const fits = words.filter(w => initials(compact(w)).startsWith(word));
    const exact = fits.find(w => initials(compact(w)) === word);
    return exact || fits[0] || null;
  }

  async function analyse(query) {
    const list = words(query);
    const notes = [];
    for (let i = 0; i < list.length; i++) {
      if (!isInitials(list[i])) continue;
      const word = await spelledOut(list[i]);
      if (word) {
        notes.push({ kind: "initials", typed: [...list[i]].map(c => "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[c.charCodeAt(0) - 0x1100]).join(""), word });
        list[i] = compact(word);
      }
    }
    const terms = [];
    for (let i = 0; i < list.length; i++) {
      // Words that are one synonym together (다시 발급받으려면 → 다시발급 → 재발급).
      let merged = null;
      for (let length = Math.min(3, list.length - i); length >= 2 && !merged; length--) {
        const joined = list.slice(i, i + length).join("");
        if (synonymsOf(joined)) merged = [joined, length];
      }
      if (merged) {
        terms.push(term(merged[0], list.slice(i, i + merged[1]).join(" ")));
        i += merged[1] - 1;
      } else {
        terms.push(term(list[i], list[i]));
      }
    }
    // A query of question words only (방법) still has to find them.
    const optional = terms.map(t => isOptional(t.word));
    terms.forEach((t, i) => {
      t.optional = optional[i] && !optional.every(Boolean);
      t.soft = !t.optional && isPredicate(t.word);
      t.required = !t.optional && !t.soft;
    });
    // Words written apart that the text writes together (금융 인증서, 전화 키 패드); a long
    // question's words are never one word, and its run of bigrams would fetch most shards.
    const phrase = list.length > 1 && list.length <= 3 ? { word: list.join(""), stems: stems(list.join("")) } : null;
    return { terms, phrase, notes };
  }

  /* The longest stem of the term that occurs in the text, or null; the word's own stems before its synonyms. */
  function bestStem(term, flat) {
    for (const stem of term.stems) if (flat.includes(stem.text)) return stem;
    return null;
  }

  async function search(query) {
    const { terms, phrase, notes } = await analyse(query);
    if (!terms.length) return { items: [], notes };
    const all = phrase ? [...terms, phrase] : terms;
    const keys = new Set();
    for (const t of all) for (const stem of t.stems) for (const key of keysOf(stem.text)) keys.add(key);
    const lists = await postings(keys);

    const total = manifest.offsets[manifest.offsets.length - 1];
    for (const t of all) {
      t.candidates = candidates(t, lists);
      t.idf = Math.log(1 + total / (1 + t.candidates.size));
    }

    const pages = new Map();
    const score = (t, index) => {
      for (const [section, weight] of t.candidates) {
        const page = pageOf(section);
        const entry = pages.get(page) || { terms: new Set(), best: new Map() };
        const value = t.idf * weight * (section === manifest.offsets[page] ? TITLE_WEIGHT : 1);
        if (value > (entry.best.get(index) || 0)) entry.best.set(index, value);
        entry.terms.add(index);
        pages.set(page, entry);
      }
    };
    terms.forEach(score);
    if (phrase) score(phrase, terms.length);
    const has = (entry, i) => entry.terms.has(i);
    const ranked = rank => [...pages]
      .filter(([, entry]) => rank(entry) !== null)
      .map(([page, entry]) => [page, rank(entry), [...entry.best.values()].reduce((a, b) => a + b, 0)])
      .sort((a, b) => b[1] - a[1] || b[2] - a[2])
      .map(([page]) => page);

    // Pages where every word (or the words written together) may occur, best guesses first.
    const every = entry => has(entry, terms.length) || terms.every((t, i) => t.optional || has(entry, i)) ? 0 : null;
    let groups = await confirmPages(ranked(every), terms, phrase, false);
    if (!groups.length && terms.some(t => t.soft)) {
      // No place has every word of the question: the names in it, and as many of the rest as possible.
      const most = entry => terms.every((t, i) => !t.required || has(entry, i)) && terms.some((t, i) => !t.optional && has(entry, i))
        ? terms.filter((t, i) => t.soft && has(entry, i)).length : null;
      groups = await confirmPages(ranked(most), terms, phrase, true);
      const best = Math.max(0, ...groups.map(g => g.softFound));
      groups = groups.filter(g => g.softFound === best);
      const leftOut = terms.filter((t, i) => t.soft && !groups.some(g => g.found[i]));
      if (groups.length && leftOut.length) notes.push({ kind: "left-out", words: leftOut.map(t => t.shown) });
    }
    const order = (a, b) => b.softFound - a.softFound || b.count - a.count || b.together - a.together;
    groups.sort((a, b) => order(a, b) || b.score - a.score);
    // A page found by the very label an earlier page was found by (a row "휴대전화 번호가 바뀜" in
    // many guides) repeats it: the pages that say something else come first among their equals.
    const labels = new Set();
    for (const group of groups) {
      group.repeats = group.label !== "" && labels.has(group.label);
      labels.add(group.label);
    }
    groups.sort((a, b) => order(a, b) || a.repeats - b.repeats || b.score - a.score);

    terms.forEach((t, i) => {
      const used = t.synonyms.filter(s => groups.some(g => g.via.has(s.other)));
      if (used.length) notes.push({ kind: "synonym", word: t.shown, used: used.map(s => [s.other, s.withParticle]) });
    });
    if (!groups.length) notes.push(await suggestions(terms));
    return { items: groups.map(group => group.items), notes };
  }

  async function confirmPages(ranked, terms, phrase, partial) {
    const groups = [];
    for (let start = 0; start < ranked.length && start < MAX_PAGES && groups.length < BATCH; start += BATCH) {
      const batch = ranked.slice(start, Math.min(start + BATCH, MAX_PAGES));
      const files = await Promise.all(batch.map(page => load(`p/${page}`)));
      for (const file of files) {
        const group = confirm(file, terms, phrase, partial);
        if (group) groups.push(group);
      }
    }
    return groups;
  }

  /* What to offer when nothing matched: the site's words closest to the query's, and the
   * query's words that do find something on their own. */
  async function suggestions(terms) {
    const wanted = terms.filter(t => !t.optional);
    const alike = new Map();
    for (const t of wanted.filter(t => !t.candidates || !t.candidates.size)) {
      const stem = t.stems.filter(s => !s.via && s.text.length >= 2).map(s => s.text).pop() || t.word;
      const keys = keysOf(stem).filter(key => key.length === 2);
      if (stem.length >= 2) keys.push(initials(stem.slice(0, 2)));
      for (const word of await known(keys)) {
        const flat = compact(word);
        if (flat === stem) continue;
        const value = likeness(stem, flat);
        if (value >= ALIKE && value > (alike.get(word) || 0)) alike.set(word, value);
      }
    }
    const words = [...alike].sort((a, b) => b[1] - a[1]).slice(0, SUGGESTIONS).map(([word]) => word);
    // Words that find something alone, and that the site uses as words (not 등기 inside 등 기기).
    const some = [];
    for (const t of wanted.filter(t => t.candidates && t.candidates.size > 0)) {
      const stem = t.stems.filter(s => !s.via && s.text.length >= 2).map(s => s.text).pop() || t.word;
      if ((await known([stem.slice(0, 2)])).some(word => compact(word).includes(stem))) some.push(t);
    }
    const queries = wanted.length > 1 && some.length && some.length < wanted.length ? [some.map(t => t.shown).join(" ")] : [];
    return { kind: "nothing", words, queries };
  }

  /* Confirms a page by substring tests and turns it into Material's result items. */
  function confirm(file, terms, phrase, partial) {
    const pageTerms = new Array(terms.length).fill(null);
    const via = new Set();  // synonyms that found a section of this page
    let phraseSeen = false;
    const scored = [];
    // Every part of a page is about what its title names: a word of the question found there
    // counts for each section (인증서 유효기간 → the 유효기간 fact of a 인증서 guide), at a lower weight.
    const head = compact(file.s[0][1]);
    const named = terms.map(t => bestStem(t, head));
    // A title many sections share (a checklist's, 준비물) labels a group; it names none of them.
    const titles = new Map();
    for (const [, title] of file.s) titles.set(title, (titles.get(title) || 0) + 1);
    file.s.forEach(([anchor, title, text, aliases = [], related = []], index) => {
      const flatTitle = titles.get(title) > 1 ? "" : compact(title);
      const flatNames = [...aliases, ...related].map(compact).join(" ");
      const field = stem => flatTitle.includes(stem) ? TITLE_WEIGHT : flatNames.includes(stem) ? ALIAS_WEIGHT : 1;
      const flat = compact([title, text, ...aliases, ...related].join(" "));
      let value = 0;
      let count = 0;
      const matched = [];
      const found = terms.map((t, i) => {
        const stem = bestStem(t, flat);
        if (!stem && named[i] && index > 0) {
          count += t.optional ? 0 : 1;
          value += TITLE_CONTEXT * t.idf * named[i].weight;
        }
        if (!stem) return null;
        count += t.optional ? 0 : 1;
        // Question words (해야, 때) rank but are not marked: 준비<mark>해야</mark> answers nothing.
        if (!t.optional) matched.push(stem.text);
        if (stem.via) via.add(stem.via);
        if (!pageTerms[i] || stem.weight > pageTerms[i].weight) pageTerms[i] = stem;
        value += t.idf * stem.weight * field(stem.text);
        return stem;
      });
      // Words that stand next to each other in the text, as in the query (금융 인증서 → 금융인증서).
      for (let i = 0; i + 1 < found.length; i++) {
        const pair = found[i] && found[i + 1] ? found[i].text + found[i + 1].text : null;
        if (pair && flat.includes(pair)) value += Math.min(terms[i].idf, terms[i + 1].idf) * field(pair);
      }
      if (phrase) {
        const stem = bestStem(phrase, flat);
        if (stem) {
          phraseSeen = true;
          matched.push(stem.text);
          value += 2 * phrase.idf * stem.weight * field(stem.text);
        }
      }
      // What the page's title names goes with each of its sentences (the 유효기간 fact of a 인증서 guide).
      const everywhere = terms.filter((t, i) => !t.optional && index > 0 && named[i]).length;
      const together = everywhere + mostInOneSentence(
        [title, text, ...aliases, ...related], found.filter((stem, i) => stem && !terms[i].optional && !(index > 0 && named[i])));
      if (matched.length || index === 0) scored.push({ anchor, title, text, aliases, related, value, count, together, matched, index });
    });
    const missing = terms.some((t, i) => (partial ? t.required : !t.optional) && pageTerms[i] === null);
    if (!phraseSeen && missing) return null;
    if (partial && !terms.some((t, i) => !t.optional && pageTerms[i] !== null)) return null;

    const wordTerms = {};
    terms.forEach((t, i) => { wordTerms[pageTerms[i] ? pageTerms[i].text : t.word] = pageTerms[i] !== null; });
    // The sections that hold most of the question's words first, then those that hold most of them
    // in one sentence, then the best matches among them. Only the sections that tie on both are
    // listed: one with fewer words, or with its words scattered, is noise beside them.
    const ordered = scored.filter(s => s.matched.length)
      .sort((a, b) => b.count - a.count || b.together - a.together || b.value - a.value || a.index - b.index);
    const sections = ordered.filter(s => s.count === ordered[0].count && s.together === ordered[0].together);
    const article = scored.find(s => s.index === 0);
    // Material opens only the sections that tie with a page's best one; near-ties are shown too.
    sections.slice(1, SHOWN).forEach(s => { if (s.value >= NEAR_TIE * sections[0].value) s.value = sections[0].value; });
    const items = sections.slice(0, MAX_SECTIONS).map(s => item(file.l, s, wordTerms));
    if (!sections.slice(0, MAX_SECTIONS).includes(article)) items.push(item(file.l, { ...article, value: 0 }, wordTerms));
    const softFound = terms.filter((t, i) => t.soft && pageTerms[i] !== null).length;
    const best = sections[0] || { value: 0, count: 0, together: 0, title: "", matched: [] };
    const label = compact(best.title);
    return {
      score: best.value, count: best.count, together: best.together, items, found: pageTerms, softFound, via,
      label: best.matched.some(stem => label.includes(stem)) ? label : "",
    };
  }

  function names(section, list, label) {
    const shown = list.filter(name => section.matched.some(stem => compact(name).includes(stem)));
    return shown.length ? ` <span class="gj-search-aliases">(${label}: ${shown.map(name => highlight(name, section.matched)).join(", ")})</span>` : "";
  }

  function item(location, section, terms) {
    const text = highlight(section.text, section.matched, TEXT_LIMIT)
      + names(section, section.aliases, "다른 이름") + names(section, section.related, "함께 찾는 말");
    return {
      location: section.anchor ? `${location}#${section.anchor}` : location,
      title: highlight(section.title, section.matched),
      text: `<p>${text}</p>`,
      score: section.value,
      terms,
    };
  }

  function setup(giljabi, workerURL) {
    manifest = giljabi;
    root = new URL("../../", workerURL);
  }

  return { setup, search };
})();

/* ------------------------------------------------------------------------- */

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  // Material shows only the items; the notes go to search-box.js on the page.
  const notes = typeof BroadcastChannel === "function" ? new BroadcastChannel("giljabi-search") : null;
  let latest = 0;
  self.addEventListener("message", async ({ data: message }) => {
    if (message.type === SETUP) {
      SearchIndex.setup(message.data.config.giljabi, self.location.href);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      // Material sends one query per key-up; only the newest answer may reach the screen.
      const ticket = ++latest;
      let result;
      try {
        result = await SearchIndex.search(message.data);
      } catch (error) {
        console.error("검색 색인을 읽지 못했습니다.", error);
        result = { items: [], notes: [] };
      }
      if (ticket !== latest) return;
      if (notes) notes.postMessage({ query: message.data, notes: result.notes });
      self.postMessage({ type: RESULT, data: { items: result.items } });
    }
  });
}
