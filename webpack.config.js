// Builds the task pane (taskpane.html, commands.html), the browser preview (preview.html), the
// icons and help page, and dist/manifest.xml with the production address in place of the
// development one. `npm run build:taskpane` → dist/.
//
//   ITA_FORMS_BASE_URL   where dist/ will be served (default https://localhost:3000/)
//   --env outDir=<dir>   build somewhere else than dist/ (the e2e test builds into a temp folder)
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** The address manifest.xml is written with; replaced by ITA_FORMS_BASE_URL in dist/manifest.xml. */
const DEV_BASE_URL = 'https://localhost:3000/';

function baseUrl() {
  const raw = process.env.ITA_FORMS_BASE_URL || DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ITA_FORMS_BASE_URL is not a URL: ${raw}`);
  }
  // Office loads add-ins only over HTTPS; http is accepted for a local preview build only.
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
    throw new Error(`ITA_FORMS_BASE_URL must be https:// (Office refuses other add-in addresses): ${raw}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const base = baseUrl();
  const outDir = path.resolve(__dirname, env.outDir || 'dist');
  return {
    mode,
    context: __dirname,
    // Source maps as files: Office webviews may refuse eval (webpack's development default).
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/taskpane/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: outDir,
      filename: '[name].[contenthash:8].js',
      publicPath: '',
      // dist/ also holds the command line (scripts/build-cli.mjs): keep it.
      clean: { keep: /^cli\.js(\.map)?$/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString('utf8').split(DEV_BASE_URL).join(base),
          },
        ],
      }),
    ],
    // Fluent UI makes a large bundle; the pane loads it once from the add-in's own server.
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};

module.exports.DEV_BASE_URL = DEV_BASE_URL;
