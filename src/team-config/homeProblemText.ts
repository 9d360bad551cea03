import * as vscode from 'vscode';
import type { GitHubError } from '../github/errors';
import { TEAM_CONFIG_PATH } from '../team/configPath';
import type { HomeConfigProblem } from './homeConfig';

/** What the views say when the team's home config can't be read from GitHub and none is known yet. */
export function homeProblemText(home: string, problem: HomeConfigProblem, githubMessage: (error: GitHubError) => string): string {
  switch (problem.kind) {
    case 'signedOut':
      return vscode.l10n.t("The team's config is in its home repository, {0}. Sign in to GitHub so Team Support can read it from there, or add that repository to the workspace (File → Add Folder to Workspace).", home);
    case 'noFile':
      return vscode.l10n.t("The team's home repository, {0}, has no {1} on its default branch. Commit the team's config there, or correct `home:`.", home, TEAM_CONFIG_PATH);
    case 'notText':
      return vscode.l10n.t("The team's config in {0} is not a text file GitHub sends whole ({1} bytes). Keep it plain YAML, under 512 KB.", home, problem.byteSize);
    case 'github':
      // GitHub answers the same for a repository that doesn't exist and one this account can't see.
      if (problem.error.kind === 'notFound') return vscode.l10n.t("The team's home repository, {0} (named by `home:`), is not on GitHub or your account can't see it. Correct `home:`, or ask the team for access.", home);
      return vscode.l10n.t("The team's config is in its home repository, {0}, and could not be read from GitHub: {1}", home, githubMessage(problem.error));
  }
}
