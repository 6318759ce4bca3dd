"""Model-step throughput of the galaxyz network (training epoch and prediction), any Keras backend.

Usage: KERAS_BACKEND=jax|tensorflow python modelstep.py OUT.json [preset] [n] [epochs]
Synthetic inputs of the right shapes and scales (the model step does not depend on the values);
reports galaxies/s for training (after the first, compiling epoch) and for prediction.
"""
import json, os, sys, time, platform
import numpy as np
import keras
from galaxyz.model import build_model, compile_model
from galaxyz.contract import band_spec

PRESETS = dict(default=dict(image_size=32, width=16, depth=2, batch_size=64),
               full=dict(image_size=64, width=64, depth=4, batch_size=128))
out = sys.argv[1]; preset = sys.argv[2] if len(sys.argv) > 2 else 'full'
n = int(sys.argv[3]) if len(sys.argv) > 3 else 4096; epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
c = PRESETS[preset]; S = c['image_size']; B = 5
model = build_model(S, 'sdss2010', np.full(B, 0.01), np.ones(B), 0.4, 64, c['width'], c['depth'], 'image', False, 1.0)
compile_model(model, 1e-3)
nw = model.output['spectrum'].shape[-1]
rng = np.random.default_rng(0)
x = dict(image=rng.normal(0, 0.05, (n, S, S, B)).astype('float32'), z=rng.uniform(0.02, 0.38, (n, 1)).astype('float32'))
y = dict(spectrum=np.concatenate([rng.uniform(0.5, 2, (n, nw)), np.ones((n, nw))], 1).astype('float32'),
         pz=x['z'].copy(), flux=np.concatenate([rng.uniform(1, 50, (n, B)), np.ones((n, B))], 1).astype('float32'))
x = {k: x[k] for k in [t.name.split(':')[0] for t in model.inputs]} if all(t.name.split(':')[0] in x for t in model.inputs) else [x['image'], x['z']]
times = []
class T(keras.callbacks.Callback):
    def on_epoch_begin(self, e, logs=None): self.t = time.perf_counter()
    def on_epoch_end(self, e, logs=None): times.append(time.perf_counter() - self.t)
model.fit(x, y, batch_size=c['batch_size'], epochs=epochs, verbose=0, callbacks=[T()])
model.predict(x, batch_size=256, verbose=0)
t0 = time.perf_counter(); model.predict(x, batch_size=256, verbose=0); tp = time.perf_counter() - t0
dev = 'cpu'
try:
    import jax; dev = str(jax.devices()[0]) if keras.backend.backend() == 'jax' else dev
except Exception: pass
if keras.backend.backend() == 'tensorflow':
    import tensorflow as tf; dev = 'GPU' if tf.config.list_physical_devices('GPU') else 'CPU'
res = dict(preset=preset, backend=keras.backend.backend(), device=dev, n=n, batch_size=c['batch_size'],
           params=int(model.count_params()), epoch_seconds=times, cpu_count=os.cpu_count(), machine=platform.node(),
           train_galaxies_per_s=n / min(times[1:] or times), predict_galaxies_per_s=n / tp)
json.dump(res, open(out, 'w'), indent=1); print(json.dumps(res))
