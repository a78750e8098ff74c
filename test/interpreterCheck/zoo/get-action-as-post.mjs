// method="GET" ignored: the action is always POSTed (seed §method).
import { playAs } from './playAs.mjs';

playAs('get-action-as-post', {
  actionMethod: () => 'POST',
});
