/** Entry of taskpane.html (the page Excel opens in the task pane). */
import { bootTaskPane } from './index';

const container = document.getElementById('root');
if (container) void bootTaskPane({ container });
