// The modules of the views part that the account and auth-link parts import (named like
// src/cdn/shared.ts; `lit` is Lit's one namespace).
import * as lit from 'lit';
import * as decorators from '../legacy-decorators.js';
import * as loginDefine from '../../elements/login/define.js';
import * as formElement from '../../internal/form-element.js';
import * as formParts from '../../internal/form-parts.js';
import * as identityElement from '../../internal/identity-element.js';
import * as submitController from '../../internal/submit-controller.js';
import * as formStyles from '../../styles/form-styles.js';

export const VIEWS_SHARED_MODULES: Record<string, unknown> = {
  lit,
  cdn__legacy_decorators: decorators,
  elements__login__define: loginDefine,
  internal__form_element: formElement,
  internal__form_parts: formParts,
  internal__identity_element: identityElement,
  internal__submit_controller: submitController,
  styles__form_styles: formStyles,
};
