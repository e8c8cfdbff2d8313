import { z } from "zod";

import { type Emulator } from "../emulator";
import { renderErrorPage } from "../http/html";
import { type RequestContext, route, type Route } from "../http/router";
import { readForm } from "../http/request-body";
import { redirect, sendHtml } from "../http/responses";
import { newOpaqueToken } from "../ids";
import { canAuthorizeAccountApp, findUserAnywhere } from "../state/accounts";
import {
  type AuthorizeRequest,
  authorizeParamsSchema,
  checkAuthorizeRequest,
} from "./authorize-request";
import { renderConsentPage, SHARED_ACCESS_LABEL } from "./consent-page";

// GET /oauth/authorize shows the consent page; POST records the decision and redirects back.
// @see docs/protocols/zoom-oauth.md#authorize
// @see docs/protocols/zoom-oauth.md#token-lifetimes-and-rotation

const CODE_LIFETIME_MS = 5 * 60 * 1000;

const consentFormSchema = authorizeParamsSchema.extend({
  user_email: z.string(),
  shared_access: z.literal("on").optional(),
  decision: z.enum(["allow", "decline"]),
});
type ConsentForm = z.infer<typeof consentFormSchema>;

function redirectBack(
  context: RequestContext,
  request: AuthorizeRequest,
  params: Record<string, string>,
) {
  const target = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (request.state !== null) target.searchParams.set("state", request.state);
  redirect(context.res, target.href);
}

function showAuthorizePage(emulator: Emulator, context: RequestContext) {
  const params = authorizeParamsSchema.parse(Object.fromEntries(context.url.searchParams));
  const check = checkAuthorizeRequest(params, emulator.state.registration);
  if (!check.isValid)
    return sendHtml(context.res, 400, renderErrorPage(check.title, check.message));
  const page = renderConsentPage({
    state: emulator.state,
    request: check.request,
    selectedEmail: null,
    isSharedAccessTicked: false,
    error: null,
  });
  sendHtml(context.res, 200, page);
}

function refuse(
  emulator: Emulator,
  context: RequestContext,
  request: AuthorizeRequest,
  form: ConsentForm,
  error: string,
) {
  const page = renderConsentPage({
    state: emulator.state,
    request,
    selectedEmail: form.user_email,
    isSharedAccessTicked: form.shared_access === "on",
    error,
  });
  sendHtml(context.res, 400, page);
}

function allow(
  emulator: Emulator,
  context: RequestContext,
  request: AuthorizeRequest,
  form: ConsentForm,
) {
  const found = findUserAnywhere(emulator.state, form.user_email);
  if (!found) return refuse(emulator, context, request, form, "Choose a Zoom user to sign in as.");
  // An account-level app needs an owner or admin to add it for the whole account.
  if (!canAuthorizeAccountApp(found.user)) {
    return refuse(
      emulator,
      context,
      request,
      form,
      "Only an account owner or admin can add this app.",
    );
  }
  if (form.shared_access !== "on") {
    return refuse(emulator, context, request, form, `Tick "${SHARED_ACCESS_LABEL}" to continue.`);
  }
  const { state } = emulator;
  const now = emulator.now();
  const code = newOpaqueToken(24);
  state.authCodes = state.authCodes.filter((item) => item.expiresAt > now);
  state.authCodes.push({
    code,
    accountId: found.account.id,
    userId: found.user.id,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    expiresAt: now + CODE_LIFETIME_MS,
  });
  state.installations = state.installations.filter((item) => item.accountId !== found.account.id);
  state.installations.push({
    accountId: found.account.id,
    userId: found.user.id,
    installedAt: now,
  });
  emulator.changed();
  redirectBack(context, request, { code });
}

async function decide(emulator: Emulator, context: RequestContext) {
  const parsed = consentFormSchema.safeParse(await readForm(context.req));
  if (!parsed.success) {
    return sendHtml(
      context.res,
      400,
      renderErrorPage("Invalid request", "The consent form was incomplete."),
    );
  }
  const form = parsed.data;
  const check = checkAuthorizeRequest(form, emulator.state.registration);
  if (!check.isValid)
    return sendHtml(context.res, 400, renderErrorPage(check.title, check.message));
  if (form.decision === "decline")
    return redirectBack(context, check.request, { error: "access_denied" });
  allow(emulator, context, check.request, form);
}

export function authorizeRoutes(emulator: Emulator): Route[] {
  return [
    route("GET", "/oauth/authorize", (context) => showAuthorizePage(emulator, context)),
    route("POST", "/oauth/authorize", (context) => decide(emulator, context)),
  ];
}
