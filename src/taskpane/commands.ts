/**
 * Entry of commands.html, the manifest's FunctionFile. The ribbon button only shows the task
 * pane (ShowTaskpane), so there is no function to register; older Excel builds still expect the
 * file to load and Office to initialise.
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (office) void office.onReady();
