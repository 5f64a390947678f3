#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('ita-forms: ยังไม่ได้ build (รัน npm ci หรือ npm run build) | not built yet: run npm ci or npm run build\n');
  process.exit(2);
}
require(cli);
