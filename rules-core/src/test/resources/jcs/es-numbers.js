// Writes es-numbers.tsv: IEEE 754 doubles (as 16 hex digits) and what ECMAScript's JSON.stringify
// writes for them, the oracle for JcsTest's number serialisation (RFC 8785 section 3.2.2.3 defers to
// ECMAScript). Run with node (any version: Number::toString has not changed since ES2015):
//   node es-numbers.js > es-numbers.tsv
// Deterministic: the random parts come from a fixed-seed xorshift generator.
const buf = Buffer.alloc(8);
const bits = (d) => { buf.writeDoubleBE(d); return buf.toString('hex'); };
const fromBits = (hex) => Buffer.from(hex, 'hex').readDoubleBE(0);
let state = 0x2024072920240729n;
const mask = (1n << 64n) - 1n;
const next = () => { state ^= (state << 13n) & mask; state ^= state >> 7n; state ^= (state << 17n) & mask; return state; };
const rows = new Map();
const add = (d) => { if (Number.isFinite(d)) rows.set(bits(d), JSON.stringify(d)); };
// Every power of two, where the interval of values that read back as the double is lopsided, and its neighbours.
for (let k = -1074; k <= 1023; k++) {
  const d = Math.pow(2, k);
  add(d);
  if (k % 7 === 0) {
    const b = BigInt('0x' + bits(d));
    add(fromBits((b + 1n).toString(16).padStart(16, '0')));
    if (b > 0n) add(fromBits((b - 1n).toString(16).padStart(16, '0')));
  }
}
// Every power of ten a double can come near, and the plain/exponent boundaries (1e21, 1e-7).
for (let k = -323; k <= 308; k++) add(Number('1e' + k));
// Random bit patterns, either sign.
for (let i = 0; i < 1500; i++) add(fromBits(next().toString(16).padStart(16, '0')));
// Random decimals of 1 to 17 digits at exponents around the plain-notation range, as scores and counts are.
for (let i = 0; i < 1000; i++) {
  const digits = Number(next() % 17n) + 1;
  const mantissa = (next() % (10n ** BigInt(digits))).toString();
  const exponent = Number(next() % 61n) - 30;
  add(Number((next() % 2n ? '-' : '') + mantissa + 'e' + exponent));
}
console.log('# bits\tJSON.stringify (node ' + process.version + ', es-numbers.js)');
for (const [hex, text] of rows) console.log(hex + '\t' + text);
