// The Node.js versions Gongkai runs on, checked before anything else loads. Some dependencies
// (cookie, content-disposition, nanoid) are ES modules loaded with require(), which Node supports
// without a flag from 20.19 and 22.12; on an older Node they crash with ERR_REQUIRE_ESM.
export const SUPPORTED = '>=20.19.0 <21 || >=22.12.0';

export function nodeIsSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
}

export function checkNodeVersion() {
  if (nodeIsSupported()) return;
  process.stderr.write(
    `公开 Gongkai 需要 Node.js 20.19 以上（20.x）或 22.12 以上，当前是 ${process.version}。\n` +
      `请升级 Node.js 后再运行（支持范围：${SUPPORTED}）。\n`,
  );
  process.exit(1);
}
